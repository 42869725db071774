package io.jixiao.common.http;

import io.jixiao.common.JixiaoConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Every request gets an id (the caller's X-Request-Id when it is a plausible one, else a new
 * UUID), carried in the logs' MDC and returned in the response. The access line names method,
 * path, status, user and duration — never a token, a query string or a body — and costs what it
 * is worth: every failed (status >= 400) or slow request ({@code jixiao.access-log.slow}) is
 * logged at INFO; of the others one in {@code jixiao.access-log.sample-every} at INFO and the
 * rest at DEBUG, so an operator who wants every line sets the category {@code io.jixiao.access}
 * to DEBUG, and one who wants none sets it to WARN (then no per-request work is done at all).
 */
@ApplicationScoped
public class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final Pattern PLAUSIBLE = Pattern.compile("^[A-Za-z0-9._-]{8,64}$");
    private static final Logger ACCESS = Logger.getLogger("io.jixiao.access");

    @Inject
    JixiaoConfig config;

    private final java.util.concurrent.atomic.AtomicLong successes = new java.util.concurrent.atomic.AtomicLong();

    void install(@Observes Router router) {
        router.route().order(-1100).handler(this::assign);
    }

    /** The caller's id when it is a plausible one, else a new one. */
    static String idFor(String given) {
        return given != null && PLAUSIBLE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
    }

    void assign(RoutingContext ctx) {
        String id = idFor(ctx.request().getHeader(HEADER));
        MDC.put("requestId", id);
        ctx.response().putHeader(HEADER, id);
        if (config.accessLog()
                && ACCESS.isInfoEnabled()
                && !ctx.request().path().startsWith("/q/")) {
            long started = System.nanoTime();
            ctx.addEndHandler(done -> access(ctx, id, started));
        }
        ctx.next();
    }

    private void access(RoutingContext ctx, String id, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        int status = ctx.response().getStatusCode();
        boolean always = status >= 400 || millis >= config.accessLogSlow().toMillis();
        boolean sampled = always
                || config.accessLogSampleEvery() <= 1
                || successes.incrementAndGet() % config.accessLogSampleEvery() == 0;
        if (!sampled && !ACCESS.isDebugEnabled()) {
            return;
        }
        MDC.put("requestId", id);
        ACCESS.logf(
                sampled ? Logger.Level.INFO : Logger.Level.DEBUG,
                "%s %s %d %d ms",
                ctx.request().method().name(),
                ctx.request().path(),
                status,
                millis);
    }
}
