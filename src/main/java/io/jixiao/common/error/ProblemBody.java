package io.jixiao.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders an RFC 9457 problem document. Used by the JAX-RS mapper and the Vert.x fallbacks. */
public final class ProblemBody {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemBody() {
    }

    public static String render(ProblemType type, String detail, String instance, List<FieldProblem> errors,
            String errorId) {
        return render(type, null, detail, instance, errors, errorId, null);
    }

    /** The problem with its title in {@code language} (Chinese when null). */
    public static String render(ProblemType type, String language, String detail, String instance,
            List<FieldProblem> errors, String errorId, String currentState) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri());
        body.put("title", type.title(language));
        body.put("status", type.status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (errorId != null) {
            body.put("errorId", errorId);
        }
        if (currentState != null) {
            body.put("currentState", currentState);
        }
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors.stream()
                    .map(e -> Map.of("field", e.field(), "message", e.message()))
                    .toList());
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a problem document", e);
        }
    }
}
