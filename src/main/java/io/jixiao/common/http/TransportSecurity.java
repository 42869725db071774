package io.jixiao.common.http;

import io.jixiao.common.JixiaoConfig;
import io.jixiao.common.error.ProblemType;
import io.jixiao.common.i18n.Language;
import io.jixiao.common.metrics.BusinessMetrics;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * In production every API request must have arrived over HTTPS: directly, or through a trusted
 * TLS-terminating proxy (the scheme then comes from its forwarded headers). Plain HTTP reads are
 * redirected, plain HTTP writes refused. The cluster's own calls to health and metrics and
 * loopback callers are exempt.
 */
@ApplicationScoped
public class TransportSecurity {

    @Inject
    JixiaoConfig config;

    @Inject
    BusinessMetrics metrics;

    void install(@Observes Router router) {
        if (config.requireHttps()) {
            router.route().order(-900).handler(this::check);
        }
    }

    void check(RoutingContext ctx) {
        String path = ctx.request().path();
        boolean exempt = path.startsWith("/q/health")
                || path.startsWith("/q/metrics")
                || (config.exemptLoopbackFromHttps() && isLoopback(ctx));
        if (exempt || "https".equalsIgnoreCase(ctx.request().scheme())) {
            ctx.next();
            return;
        }
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            String host = ctx.request().authority() == null
                    ? ""
                    : ctx.request().authority().host();
            ctx.response()
                    .setStatusCode(308)
                    .putHeader(
                            HttpHeaders.LOCATION,
                            "https://" + host + ctx.request().uri())
                    .end();
            return;
        }
        String language = Language.of(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        metrics.problem(ProblemType.FORBIDDEN.slug, ProblemType.FORBIDDEN.status);
        ctx.response()
                .setStatusCode(ProblemType.FORBIDDEN.status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language)
                .end(Problems.render(Problems.of(
                        ProblemType.FORBIDDEN,
                        language,
                        "This service accepts HTTPS only; the request arrived over plain HTTP.",
                        path,
                        List.of())));
    }

    private static boolean isLoopback(RoutingContext ctx) {
        String host = ctx.request().remoteAddress() == null
                ? null
                : ctx.request().remoteAddress().host();
        return host != null && (host.equals("127.0.0.1") || host.equals("0:0:0:0:0:0:0:1") || host.equals("::1"));
    }
}
