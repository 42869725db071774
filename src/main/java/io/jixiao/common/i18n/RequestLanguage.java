package io.jixiao.common.i18n;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The language of the current request's response, from its Accept-Language header. */
@RequestScoped
public class RequestLanguage {

    @Inject
    HttpServerRequest request;

    public String get() {
        return Language.of(request.getHeader("Accept-Language"));
    }
}
