package io.jixiao.common.http;

import java.util.Map;

/**
 * Java parameter names of the generated interfaces that travel under another HTTP name; request
 * bodies are generated as parameters named after their schema ({@code projectCreate}, …).
 */
final class HttpParameterNames {

    private static final Map<String, String> HEADERS = Map.of(
            "idempotencyKey", "Idempotency-Key",
            "ifMatch", "If-Match");

    private HttpParameterNames() {}

    static String httpName(String javaParameter) {
        if (javaParameter == null) {
            return "body";
        }
        if (javaParameter.endsWith("Create") || javaParameter.endsWith("Update") || javaParameter.endsWith("Input")) {
            return "body";
        }
        return HEADERS.getOrDefault(javaParameter, javaParameter);
    }
}
