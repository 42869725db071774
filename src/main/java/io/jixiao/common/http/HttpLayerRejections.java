package io.jixiao.common.http;

import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.ProblemType;
import io.jixiao.common.i18n.Language;
import io.jixiao.common.metrics.BusinessMetrics;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Handler;
import io.vertx.core.Verticle;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.impl.Deployment;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Problem documents for the requests refused below the router, where no route, filter or
 * exception mapper of ours can see them:
 *
 * <ul>
 *   <li>what the HTTP decoder cannot parse: a request line over the server's limit (414), a header
 *       block over it (431), a control character or other byte HTTP forbids in the request line or
 *       a header (400) — Vert.x's invalid-request handler;
 *   <li>a request target that is not a URI (a malformed percent-escape, percent-escapes that are
 *       not UTF-8, a raw non-ASCII byte or a character that must be escaped), which Quarkus
 *       refuses with a bare 400 before the router — checked here first by {@link RequestLine},
 *       which names the path or the query parameter at fault.
 * </ul>
 *
 * <p>Vert.x has the hook for both (the server's request and invalid-request handlers), but Quarkus
 * 3.33 creates and starts its HTTP servers without a way to set them, so they are set once, as
 * the servers start listening, on the connection handler of each of the application's servers (one per event loop;
 * never the management interface's). That reaches into Vert.x internals by name: if they change,
 * start-up logs a warning and Vert.x's bare answers come back, which {@code MalformedHttpTest}
 * and the contract fuzz test then report.
 */
@ApplicationScoped
public class HttpLayerRejections {

    private static final Logger LOG = Logger.getLogger(HttpLayerRejections.class);
    private static final Logger ACCESS = Logger.getLogger("io.jixiao.access");
    private static final String SERVER_VERTICLE =
            "io.quarkus.vertx.http.runtime.VertxHttpRecorder$WebDeploymentVerticle";
    private static final List<String> SERVER_FIELDS = List.of("httpServer", "httpsServer", "domainSocketServer");
    private static final Duration SEARCH_TIME = Duration.ofSeconds(60);

    @Inject
    Vertx vertx;

    @Inject
    BusinessMetrics metrics;

    @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "4096")
    int maxInitialLineLength;

    /**
     * Quarkus deploys its server verticles (one per event loop) after start-up observers have run
     * and binds their servers one by one, so this looks for them every few milliseconds until each
     * has been given our handlers (normally within the first look after they listen).
     */
    void install(@Observes StartupEvent started) {
        long deadline = System.nanoTime() + SEARCH_TIME.toNanos();
        vertx.setPeriodic(20, timer -> {
            try {
                if (guardAll()) {
                    vertx.cancelTimer(timer);
                } else if (System.nanoTime() > deadline) {
                    vertx.cancelTimer(timer);
                    LOG.warnf(
                            "requests refused by the HTTP layer keep Vert.x's bare answers: no listening HTTP"
                                    + " server found within %s",
                            SEARCH_TIME);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                vertx.cancelTimer(timer);
                LOG.warnf("requests refused by the HTTP layer keep Vert.x's bare answers: %s", e.toString());
            }
        });
    }

    /** Whether every server verticle has been deployed and each of its servers guarded. */
    private boolean guardAll() throws ReflectiveOperationException {
        VertxInternal internal = (VertxInternal) vertx;
        boolean found = false;
        for (String id : vertx.deploymentIDs()) {
            Deployment deployment = internal.getDeployment(id);
            if (deployment == null) {
                continue;
            }
            for (Verticle verticle : deployment.getVerticles()) {
                if (!verticle.getClass().getName().equals(SERVER_VERTICLE)) {
                    continue;
                }
                found = true;
                boolean listening = false;
                for (String name : SERVER_FIELDS) {
                    Object server = read(verticle.getClass(), verticle, name);
                    if (server instanceof TCPServerBase tcp && guard(tcp)) {
                        listening = true;
                    }
                }
                if (!listening) {
                    return false;
                }
            }
        }
        return found;
    }

    /** Puts our handlers on the server's connection handler; false when it is not listening. */
    @SuppressWarnings("unchecked")
    private boolean guard(TCPServerBase server) throws ReflectiveOperationException {
        Object worker = read(TCPServerBase.class, server, "childHandler");
        if (worker == null) {
            return false;
        }
        Object connections = read(worker.getClass(), worker, "connectionHandler");
        Handler<HttpServerRequest> requests =
                (Handler<HttpServerRequest>) read(connections.getClass(), connections, "requestHandler");
        if (requests instanceof TargetCheck) {
            return true;
        }
        if (requests.getClass().getName().equals(TargetCheck.class.getName())) {
            // Left by the application before a dev-mode reload, from its own class loader.
            requests = (Handler<HttpServerRequest>) read(requests.getClass(), requests, "next");
        }
        write(connections, "requestHandler", new TargetCheck(requests));
        write(connections, "invalidRequestHandler", (Handler<HttpServerRequest>) this::refuseUnparsable);
        return true;
    }

    /** Refuses a request target that is not a URI before Quarkus does so without a body. */
    private final class TargetCheck implements Handler<HttpServerRequest> {

        private final Handler<HttpServerRequest> next;

        TargetCheck(Handler<HttpServerRequest> next) {
            this.next = next;
        }

        @Override
        public void handle(HttpServerRequest request) {
            String target = request.uri();
            Optional<FieldProblem> fault = target == null
                    ? Optional.of(new FieldProblem("path", "missing"))
                    : RequestLine.fault(target).or(() -> notAUri(target));
            if (fault.isEmpty()) {
                next.handle(request);
                return;
            }
            refuse(
                    request,
                    ProblemType.MALFORMED_REQUEST,
                    "The request target is not a valid URI: " + fault.get().field() + " has "
                            + fault.get().message() + ".",
                    request.path(),
                    List.of(fault.get()));
        }
    }

    /** What Quarkus checks next (a target may be made of allowed characters and still not parse). */
    private static Optional<FieldProblem> notAUri(String target) {
        try {
            new URI(target);
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(new FieldProblem("path", "not a valid URI"));
        }
    }

    /** Vert.x's invalid-request handler: the decoder could not read the request line or headers. */
    private void refuseUnparsable(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            refuse(
                    request,
                    ProblemType.URI_TOO_LONG,
                    "The request line is longer than " + maxInitialLineLength + " bytes.",
                    null,
                    List.of());
        } else if (cause instanceof TooLongHttpHeaderException) {
            refuse(
                    request,
                    ProblemType.HEADER_FIELDS_TOO_LARGE,
                    "The request headers are larger than the server accepts.",
                    null,
                    List.of());
        } else {
            // The decoder keeps nothing of a request line it cannot read, so which part was at
            // fault is not known; the connection is closed, as the rest of it cannot be trusted.
            refuse(
                    request,
                    ProblemType.MALFORMED_REQUEST,
                    "The request line or a header is not valid HTTP/1.1 (a control character, a raw"
                            + " byte or a space where none may be).",
                    null,
                    List.of(new FieldProblem("request", "not valid HTTP/1.1")));
        }
    }

    private void refuse(
            HttpServerRequest request, ProblemType type, String detail, String instance, List<FieldProblem> errors) {
        String language = Language.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String id = RequestIds.idFor(request.getHeader(RequestIds.HEADER));
        metrics.problem(type.slug, type.status);
        ACCESS.infof(
                "%s %s %d refused by the HTTP layer [%s]",
                request.method(), instance == null ? "-" : instance, type.status, id);
        HttpServerResponse response = request.response()
                .setStatusCode(type.status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language)
                .putHeader(RequestIds.HEADER, id)
                .putHeader(HttpHeaders.CONNECTION, "close");
        response.end(Problems.render(Problems.of(type, language, detail, instance, errors)))
                .onComplete(done -> response.close());
    }

    private static Object read(Class<?> type, Object owner, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    private static void write(Object owner, String name, Object value) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(owner, value);
    }
}
