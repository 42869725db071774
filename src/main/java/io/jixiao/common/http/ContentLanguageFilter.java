package io.jixiao.common.http;

import io.jixiao.common.i18n.Language;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** API responses say which language their labels are in, and that they vary with it. */
public class ContentLanguageFilter {

    @ServerResponseFilter
    public void contentLanguage(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CONTENT_LANGUAGE)) {
            response.getHeaders()
                    .putSingle(
                            HttpHeaders.CONTENT_LANGUAGE,
                            Language.of(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        }
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
