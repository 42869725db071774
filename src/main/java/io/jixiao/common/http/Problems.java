package io.jixiao.common.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.api.model.FieldError;
import io.jixiao.api.model.Problem;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.ProblemType;
import java.util.List;

/**
 * Builds the RFC 9457 problem document as the contract's own {@link Problem} value, once, for
 * the JAX-RS mapper and for the Vert.x routes that answer before JAX-RS (size limit, unknown
 * paths, transport security).
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON =
            new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private Problems() {}

    /** The problem with its title in {@code language} (Chinese when null). */
    public static Problem of(
            ProblemType type, String language, String detail, String instance, List<FieldProblem> errors) {
        Problem problem = new Problem()
                .type(type.uri())
                .title(type.title(language))
                .status(type.status)
                .detail(detail)
                .instance(instance);
        problem.setErrors(
                errors == null || errors.isEmpty()
                        ? null
                        : errors.stream()
                                .map(e -> new FieldError().field(e.field()).message(e.message()))
                                .toList());
        return problem;
    }

    /** The problem type's slug (the last segment of its type URI), e.g. for metric labels. */
    public static String slugOf(Problem problem) {
        String type = problem.getType();
        return type != null && type.startsWith(ProblemType.TYPE_BASE)
                ? type.substring(ProblemType.TYPE_BASE.length())
                : "unknown";
    }

    /** The document as JSON text, for answers written outside JAX-RS. */
    public static String render(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a problem document", e);
        }
    }
}
