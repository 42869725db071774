package io.jixiao.common.http;

import io.jixiao.common.JixiaoConfig;
import io.jixiao.common.error.ProblemType;
import io.jixiao.common.i18n.Language;
import io.jixiao.common.metrics.BusinessMetrics;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Problem documents for what never reaches a resource: bodies over the size limit (checked on
 * Content-Length before anything is read, and chunked ones as they are read), requests the router
 * fails, and paths that match no route. What fails below the router is {@link HttpLayerRejections}'.
 */
@ApplicationScoped
public class HttpFallbacks {

    @Inject
    JixiaoConfig config;

    @Inject
    BusinessMetrics metrics;

    /**
     * Reads a chunked body (no Content-Length to check up front) before any resource does, failing
     * the request with 413 — answered below as a problem — as soon as it passes the limit. Quarkus
     * REST takes a body already read from the routing context; left to read it itself, it would
     * answer a bare 413.
     */
    private BodyHandler chunkedBodies;

    void install(@Observes Router router) {
        chunkedBodies = BodyHandler.create(false).setBodyLimit(config.maxBodyBytes());
        router.route().order(-1000).handler(this::rejectOversizedBody);
        router.route().order(-2000).failureHandler(this::failedBeforeAResource);
        // Operator endpoints live on the management port only, never on the public one.
        router.routeWithRegex("/q/(health|metrics)(/.*)?")
                .order(-1200)
                .handler(ctx -> problem(ctx, ProblemType.NOT_FOUND, "No such resource."));
        router.route().last().handler(ctx -> problem(ctx, ProblemType.NOT_FOUND, "No such resource."));
    }

    /**
     * What the HTTP layer itself fails (a chunked body past the size limit while it is read, a
     * malformed request it cannot route) is answered as a problem document too; anything else goes
     * on to the next failure handler.
     */
    private void failedBeforeAResource(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        switch (ctx.statusCode()) {
            case 413 -> {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                problem(
                        ctx,
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "The request body exceeds " + config.maxBodyBytes() + " bytes.");
            }
            case 414 -> problem(ctx, ProblemType.URI_TOO_LONG, "The request line is too long.");
            case 400 -> problem(ctx, ProblemType.MALFORMED_REQUEST, "The request is malformed.");
            default -> ctx.next();
        }
    }

    private void rejectOversizedBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > config.maxBodyBytes()) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    problem(
                            ctx,
                            ProblemType.PAYLOAD_TOO_LARGE,
                            "The request body exceeds " + config.maxBodyBytes() + " bytes.");
                    return;
                }
            } catch (NumberFormatException e) {
                problem(ctx, ProblemType.MALFORMED_REQUEST, "Content-Length is not a number.");
                return;
            }
        } else if (ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            chunkedBodies.handle(ctx);
            return;
        }
        ctx.next();
    }

    private void problem(RoutingContext ctx, ProblemType type, String detail) {
        String language = Language.of(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        metrics.problem(type.slug, type.status);
        ctx.response()
                .setStatusCode(type.status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language)
                .end(Problems.render(
                        Problems.of(type, language, detail, ctx.request().path(), List.of())));
    }
}
