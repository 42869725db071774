package io.jixiao.common.http;

import io.jixiao.common.JixiaoConfig;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.ProblemType;
import io.jixiao.common.i18n.Language;
import io.jixiao.common.metrics.BusinessMetrics;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks what arrives in the request line before any resource sees it, so each class of broken
 * input is refused in one place with a problem naming the parameter: a request line over the
 * limit (414), malformed percent-encoding, a U+0000 or a lone UTF-16 surrogate in any path segment
 * or query value (PostgreSQL cannot store the one, the other would be stored changed), and typed
 * parameters that do not fit the contract ({@link ContractParameters}).
 */
@ApplicationScoped
public class RequestParameters {

    @Inject
    JixiaoConfig config;

    @Inject
    BusinessMetrics metrics;

    private final ContractParameters contract = ContractParameters.served();

    void install(@Observes Router router) {
        router.route().order(-1050).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (uri.length() > config.maxRequestLineLength()) {
            problem(
                    ctx,
                    ProblemType.URI_TOO_LONG,
                    "The request line is longer than " + config.maxRequestLineLength() + " characters.",
                    List.of());
            return;
        }
        String rawPath = ctx.request().path();
        String rawQuery = ctx.request().query();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, List<String>> query = new LinkedHashMap<>();
        try {
            checkPath(rawPath, problems);
            if (rawQuery != null && !rawQuery.isEmpty()) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    UnsafeText.problem(value).ifPresent(p -> problems.add(new FieldProblem(name, p)));
                    query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
        } catch (IllegalArgumentException malformed) {
            problem(
                    ctx,
                    ProblemType.MALFORMED_REQUEST,
                    "The request line has a malformed percent-encoding.",
                    List.of(new FieldProblem("uri", "malformed percent-encoding")));
            return;
        }
        if (problems.isEmpty()) {
            problems.addAll(contract.check(ctx.request().method().name(), rawPath, query));
        }
        if (!problems.isEmpty()) {
            problem(
                    ctx,
                    ProblemType.VALIDATION,
                    problems.size() == 1 ? "1 field is invalid." : problems.size() + " fields are invalid.",
                    problems);
            return;
        }
        ctx.next();
    }

    private static void checkPath(String rawPath, List<FieldProblem> problems) {
        for (String segment : rawPath.split("/")) {
            UnsafeText.problem(decode(segment.replace("+", "%2B")))
                    .ifPresent(p -> problems.add(new FieldProblem("path", p)));
        }
    }

    /** Percent-decoding as in a query string; throws IllegalArgumentException when malformed. */
    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private void problem(RoutingContext ctx, ProblemType type, String detail, List<FieldProblem> errors) {
        String language = Language.of(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        metrics.problem(type.slug, type.status);
        ctx.response()
                .setStatusCode(type.status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language)
                .end(Problems.render(
                        Problems.of(type, language, detail, ctx.request().path(), errors)));
    }
}
