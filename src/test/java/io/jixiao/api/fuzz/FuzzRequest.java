package io.jixiao.api.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request of the fuzz test: what to send, byte for byte once {@link #target()} and
 * {@link #bodyBytes()} are asked. Path and query values are kept percent-encoded, so that a
 * mutation can put in an encoding no client library would produce.
 */
final class FuzzRequest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Stands for a lone UTF-16 surrogate: JSON text gets the escape {@code \ud800} in its place. */
    static final String LONE_SURROGATE = "\uE000lone-surrogate\uE000";
    /** Stands for a value nested {@code depth} levels deep (in the JSON text, not in a tree). */
    static String deep(int depth, boolean arrays) {
        return "\uE000deep" + depth + (arrays ? "a" : "o") + "\uE000";
    }

    private static final java.util.regex.Pattern DEEP =
            java.util.regex.Pattern.compile("\"\uE000deep(\\d+)([ao])\uE000\"");

    final String operationId;
    final String method;
    final String pathTemplate;
    /** Path parameter → percent-encoded value. */
    final Map<String, String> path = new LinkedHashMap<>();
    /** Query parameters, percent-encoded, in order (a name may repeat). */
    final List<String[]> query = new ArrayList<>();

    final Map<String, String> headers = new LinkedHashMap<>();
    /** The JSON body, or null; {@link #rawBody} wins when set. */
    JsonNode json;

    byte[] rawBody;
    boolean chunked;
    /** What was done to the request: "kind: detail". */
    String mutation = "none";

    String kind = "none";
    /** The mutation made the request certainly invalid: a 2xx answer would mean it was accepted. */
    boolean mustBeRefused;

    FuzzRequest(String operationId, String method, String pathTemplate) {
        this.operationId = operationId;
        this.method = method;
        this.pathTemplate = pathTemplate;
    }

    FuzzRequest copy() {
        FuzzRequest copy = new FuzzRequest(operationId, method, pathTemplate);
        copy.path.putAll(path);
        query.forEach(q -> copy.query.add(q.clone()));
        copy.headers.putAll(headers);
        copy.json = json == null ? null : json.deepCopy();
        copy.rawBody = rawBody == null ? null : rawBody.clone();
        copy.chunked = chunked;
        return copy;
    }

    FuzzRequest path(String name, String value) {
        path.put(name, encode(value));
        return this;
    }

    FuzzRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    FuzzRequest json(Object body) {
        json = JSON.valueToTree(body);
        headers.put("Content-Type", "application/json");
        return this;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    String target() {
        String target = pathTemplate;
        for (Map.Entry<String, String> p : path.entrySet()) {
            target = target.replace("{" + p.getKey() + "}", p.getValue());
        }
        if (!query.isEmpty()) {
            StringBuilder q = new StringBuilder();
            for (String[] pair : query) {
                q.append(q.length() == 0 ? '?' : '&')
                        .append(pair[0])
                        .append('=')
                        .append(pair[1]);
            }
            target += q;
        }
        return target;
    }

    byte[] bodyBytes() {
        if (rawBody != null) {
            return rawBody;
        }
        if (json == null) {
            return null;
        }
        try {
            String text = JSON.writeValueAsString(json).replace(LONE_SURROGATE, "\\ud800");
            java.util.regex.Matcher deep = DEEP.matcher(text);
            StringBuilder out = new StringBuilder();
            while (deep.find()) {
                int depth = Integer.parseInt(deep.group(1));
                boolean arrays = "a".equals(deep.group(2));
                deep.appendReplacement(
                        out,
                        java.util.regex.Matcher.quoteReplacement((arrays ? "[" : "{\"a\":").repeat(depth) + "\"bottom\""
                                + (arrays ? "]" : "}").repeat(depth)));
            }
            deep.appendTail(out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How to read the request in a failure report: method, target, headers and the body (cut). */
    String describe() {
        StringBuilder out = new StringBuilder(method).append(' ');
        String target = target();
        out.append(target.length() > 300 ? target.substring(0, 300) + "…(" + target.length() + " chars)" : target);
        headers.forEach((name, value) -> out.append("\n    ")
                .append(name)
                .append(": ")
                .append(
                        "Authorization".equals(name)
                                ? "Bearer <token of the operation's caller>"
                                : value.length() > 120 ? value.substring(0, 120) + "…" : value));
        byte[] body = bodyBytes();
        if (body != null) {
            String text = new String(body, StandardCharsets.UTF_8);
            out.append("\n    body")
                    .append(chunked ? " (chunked)" : "")
                    .append(" ")
                    .append(body.length)
                    .append(" bytes: ")
                    .append(text.length() > 400 ? text.substring(0, 400) + "…" : text);
        }
        return out.toString();
    }
}
