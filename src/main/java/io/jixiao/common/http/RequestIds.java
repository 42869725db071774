package io.jixiao.common.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.jixiao.common.JixiaoConfig;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an id (the caller's X-Request-Id when it is a plausible one, else a new
 * UUID), carried in the logs' MDC and returned in the response; one access line per request
 * names method, path, status, user and duration — never a token, a query string or a body.
 */
@ApplicationScoped
public class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final Pattern PLAUSIBLE = Pattern.compile("^[A-Za-z0-9._-]{8,64}$");
    private static final Logger ACCESS = Logger.getLogger("io.jixiao.access");

    @Inject
    JixiaoConfig config;

    void install(@Observes Router router) {
        router.route().order(-1100).handler(this::assign);
    }

    void assign(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && PLAUSIBLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put("requestId", id);
        ctx.response().putHeader(HEADER, id);
        if (config.accessLog() && !ctx.request().path().startsWith("/q/")) {
            long started = System.nanoTime();
            String method = ctx.request().method().name();
            String path = ctx.request().path();
            ctx.addEndHandler(done -> {
                MDC.put("requestId", id);
                ACCESS.infof("%s %s %d %d ms", method, path, ctx.response().getStatusCode(),
                        (System.nanoTime() - started) / 1_000_000);
            });
        }
        ctx.next();
    }
}
