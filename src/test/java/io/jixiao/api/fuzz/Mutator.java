package io.jixiao.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns a valid request of an operation into a hostile one, guided by the operation's schema:
 * one mutation per request, chosen by the request's own seed (so a seed replays its request).
 */
final class Mutator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "社工".repeat(25_000) + "x".repeat(50_000); // ≈ 100 KB of text

    /** A place in the JSON body: an object's field (present or not) or an array's element. */
    private record Slot(ContainerNode<?> parent, String field, int index, Schema<?> schema) {

        JsonNode value() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        String name() {
            return field != null ? field : "[" + index + "]";
        }
    }

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    FuzzRequest mutate(FuzzRequest base, Schema<?> bodySchema, List<Parameter> parameters) {
        FuzzRequest request = base.copy();
        List<String> kinds = new ArrayList<>(List.of("bad-header", "bad-header"));
        boolean json = request.json != null;
        if (json) {
            kinds.addAll(List.of(
                    "wrong-type",
                    "wrong-type",
                    "missing-field",
                    "extra-field",
                    "null-field",
                    "null-element",
                    "null-element",
                    "nul-char",
                    "nul-char",
                    "lone-surrogate",
                    "huge-string",
                    "deep-nesting",
                    "invalid-enum",
                    "invalid-enum",
                    "bad-format",
                    "bad-format",
                    "bad-format",
                    "whole-body",
                    "whole-body",
                    "content-type",
                    "oversized-body",
                    "no-body"));
        } else if (request.rawBody != null) {
            kinds.addAll(List.of("content-type", "oversized-body", "no-body", "raw-text", "raw-text", "raw-text"));
        } else {
            kinds.add("unexpected-body");
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            kinds.addAll(List.of("bad-path", "bad-path", "bad-path"));
        }
        if (parameters.stream().anyMatch(p -> "query".equals(p.getIn()))) {
            kinds.addAll(List.of("bad-query", "bad-query", "bad-query", "bad-query", "bad-query"));
        }
        String kind = pick(kinds);
        request.kind = kind;
        request.mutation = kind + ": "
                + switch (kind) {
                    case "bad-header" -> badHeader(request, parameters);
                    case "bad-path" -> badPath(request, parameters);
                    case "bad-query" -> badQuery(request, parameters);
                    case "content-type" -> contentType(request);
                    case "oversized-body" -> oversized(request);
                    case "no-body" -> noBody(request);
                    case "unexpected-body" -> unexpectedBody(request);
                    case "whole-body" -> wholeBody(request);
                    case "raw-text" -> rawText(request);
                    default -> bodyField(request, kind, bodySchema);
                };
        return request;
    }

    // ------------------------------------------------------------------ body fields

    private String bodyField(FuzzRequest request, String kind, Schema<?> schema) {
        List<Slot> slots = new ArrayList<>();
        slots(request.json, schema, slots);
        List<Slot> present = slots.stream().filter(s -> s.value() != null).toList();
        switch (kind) {
            case "wrong-type" -> {
                Slot slot = pick(present);
                JsonNode wrong = wrongType(slot.value());
                slot.set(wrong);
                request.mustBeRefused = true;
                return slot.name() + " = " + brief(wrong);
            }
            case "missing-field" -> {
                List<Slot> fields =
                        present.stream().filter(s -> s.field != null).toList();
                if (fields.isEmpty()) {
                    return wholeBody(request);
                }
                Slot slot = pick(fields);
                ((ObjectNode) slot.parent).remove(slot.field);
                return "without " + slot.field;
            }
            case "extra-field" -> {
                List<ObjectNode> objects = new ArrayList<>();
                objects(request.json, objects);
                ObjectNode target = pick(objects);
                String name =
                        pick(List.of("x", "id", "version", "createdAt", "__proto__", "constructor", "organisation"));
                target.set(
                        name,
                        pick(List.of(
                                NODES.textNode("extra"),
                                NODES.numberNode(1),
                                NODES.nullNode(),
                                NODES.objectNode().put("a", 1))));
                request.mustBeRefused = true; // every input schema forbids unknown properties
                return "extra field " + name;
            }
            case "null-field" -> {
                Slot slot = pick(slots);
                slot.set(NODES.nullNode());
                return slot.name() + " = null";
            }
            case "null-element" -> {
                List<Slot> arrays = slots.stream()
                        .filter(s -> s.value() != null && s.value().isArray())
                        .toList();
                if (arrays.isEmpty()) {
                    Slot slot = pick(slots);
                    slot.set(NODES.arrayNode().addNull());
                    return slot.name() + " = [null]";
                }
                Slot slot = pick(arrays);
                ((ArrayNode) slot.value())
                        .insertNull(random.nextInt(slot.value().size() + 1));
                request.mustBeRefused = true;
                return "null element in " + slot.name();
            }
            case "nul-char", "lone-surrogate", "huge-string" -> {
                List<Slot> strings =
                        present.stream().filter(s -> s.value().isTextual()).toList();
                Slot slot = strings.isEmpty() ? pick(slots) : pick(strings);
                String old = slot.value() == null || !slot.value().isTextual()
                        ? "x"
                        : slot.value().asText();
                String value = switch (kind) {
                    case "nul-char" -> old.substring(0, old.length() / 2) + "\u0000" + old.substring(old.length() / 2);
                    case "lone-surrogate" -> old + FuzzRequest.LONE_SURROGATE + "x";
                    default -> HUGE;
                };
                slot.set(NODES.textNode(value));
                request.mustBeRefused = !kind.equals("huge-string")
                        || slot.schema != null
                                && (slot.schema.getMaxLength() != null
                                        || slot.schema.getPattern() != null
                                        || slot.schema.getEnum() != null
                                        || slot.schema.getFormat() != null);
                return slot.name()
                        + (kind.equals("huge-string") ? " = 100 KB string" : " = " + brief(NODES.textNode(value)));
            }
            case "deep-nesting" -> {
                Slot slot = pick(slots);
                int depth = pick(List.of(600, 1_100, 5_000));
                slot.set(NODES.textNode(FuzzRequest.deep(depth, random.nextBoolean())));
                return slot.name() + " nested " + depth + " deep";
            }
            case "invalid-enum" -> {
                List<Slot> enums = slots.stream()
                        .filter(s -> s.schema != null && s.schema.getEnum() != null)
                        .toList();
                Slot slot = enums.isEmpty() ? pick(slots) : pick(enums);
                String value =
                        pick(List.of("NOT_A_VALUE", "", "bureau", " BUREAU", "BUREAU\u0000", "ＢＵＲＥＡＵ", "1", "null"));
                if (slot.schema != null && slot.schema.getEnum() != null && random.nextBoolean()) {
                    value = String.valueOf(pick(new ArrayList<>(slot.schema.getEnum())))
                            .toLowerCase();
                }
                request.mustBeRefused = !enums.isEmpty();
                slot.set(NODES.textNode(value));
                return slot.name() + " = " + brief(NODES.textNode(value));
            }
            default -> { // bad-format
                Slot slot = pick(slots);
                JsonNode value = badFormat(slot.schema);
                slot.set(value);
                return slot.name() + " = " + brief(value);
            }
        }
    }

    private JsonNode badFormat(Schema<?> schema) {
        String format = schema == null ? null : schema.getFormat();
        String type = schema == null ? null : schema.getType();
        if ("uuid".equals(format)) {
            return NODES.textNode(pick(List.of(
                    "not-a-uuid",
                    "00000000-0000-0000-0000-00000000000g",
                    "{a0f1e2d3-0000-4000-8000-000000000001}",
                    "a0f1e2d3000040008000000000000001",
                    "00000000-0000-0000-0000-000000000000",
                    "A0F1E2D3-0000-4000-8000-000000000001")));
        }
        if ("date".equals(format)) {
            return NODES.textNode(pick(List.of(
                    "2022-02-30",
                    "2022-11-12T00:00:00Z",
                    "2022-11-12T08:00:00",
                    "12/11/2022",
                    "+99999-01-01",
                    "2022-13-01",
                    "2999-01-01",
                    "1900-01-01",
                    "2022-1-5")));
        }
        if ("integer".equals(type) || "number".equals(type)) {
            return pick(List.of(
                    NODES.numberNode(new java.math.BigDecimal("1e400")),
                    NODES.numberNode(new java.math.BigInteger("99999999999999999999999")),
                    NODES.numberNode(2147483648L),
                    NODES.numberNode(-1),
                    NODES.numberNode(1.5),
                    NODES.numberNode(-2147483649L),
                    NODES.textNode("12")));
        }
        if ("boolean".equals(type)) {
            return pick(List.of(NODES.textNode("true"), NODES.numberNode(1), NODES.textNode("yes")));
        }
        if (schema != null && schema.getPattern() != null) {
            return NODES.textNode(pick(List.of(
                    "1e5",
                    "-0",
                    "NaN",
                    "Infinity",
                    "１２３",
                    "0.001",
                    "12345678901234.00",
                    "100.001",
                    "-5.00",
                    " 1.00",
                    "1,000.00",
                    "0x10",
                    "")));
        }
        return NODES.textNode(pick(List.of(
                "",
                " ",
                "\t\n",
                "🙂".repeat(300),
                "a".repeat(5_000),
                "<script>x</script>",
                "'; DROP TABLE project; --",
                "%00",
                "\\u0000")));
    }

    private void slots(JsonNode node, Schema<?> schema, List<Slot> out) {
        if (node instanceof ObjectNode object) {
            Map<String, Schema> properties = schema == null ? null : schema.getProperties();
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (properties != null) {
                properties.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
            }
            for (String name : names) {
                Schema<?> child = properties == null ? null : properties.get(name);
                out.add(new Slot(object, name, -1, child));
                if (object.get(name) != null) {
                    slots(object.get(name), child, out);
                }
            }
        } else if (node instanceof ArrayNode array) {
            Schema<?> items = schema == null ? null : schema.getItems();
            for (int i = 0; i < array.size(); i++) {
                out.add(new Slot(array, null, i, items));
                slots(array.get(i), items, out);
            }
        }
    }

    private void objects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode object) {
            out.add(object);
        }
        if (node != null && node.isContainerNode()) {
            Iterator<JsonNode> children = node.elements();
            children.forEachRemaining(child -> objects(child, out));
        }
    }

    private JsonNode wrongType(JsonNode value) {
        List<JsonNode> candidates = new ArrayList<>(List.of(
                NODES.textNode("text"),
                NODES.numberNode(7),
                NODES.numberNode(3.25),
                NODES.booleanNode(true),
                NODES.objectNode(),
                NODES.arrayNode(),
                NODES.arrayNode().add("a")));
        candidates.removeIf(c -> value != null && c.getNodeType() == value.getNodeType());
        return pick(candidates);
    }

    // ------------------------------------------------------------------ whole bodies and media types

    private String wholeBody(FuzzRequest request) {
        String body = pick(List.of(
                "null",
                "[]",
                "\"text\"",
                "42",
                "{}",
                "",
                "{",
                "{\"a\":",
                "[null]",
                "{\"a\":1,\"a\":2}",
                "\uFEFF{}",
                "{'single':'quotes'}",
                "{\"a\":1}garbage",
                "[".repeat(2_000),
                "{\"a\":\"\\u0000\"}",
                "{\"a\":\"\\ud800\"}",
                "{\"a\":\"\\udc00\\ud800\"}"));
        request.json = null;
        request.rawBody = body.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0) {
            request.rawBody = new byte[] {
                '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'
            };
            return "invalid UTF-8 bytes";
        }
        return "body " + brief(NODES.textNode(body));
    }

    private String rawText(FuzzRequest request) {
        String text = new String(request.rawBody, StandardCharsets.UTF_8);
        String mutated = pick(List.of(
                text.replaceFirst("\n", "\u0000\n"),
                text.replaceFirst("K01", "K\uD800"),
                "code,stratum\n" + "\"unclosed,SERVICE_USER\n",
                "",
                "\uFEFF" + text,
                text.replace("\n", "\r"),
                "code,stratum\n" + ("K,SERVICE_USER\n").repeat(3),
                "code;stratum\nS01;SERVICE_USER\n",
                "name,phone\n张三,13800138000\n",
                text + ",".repeat(10_000)));
        request.rawBody = mutated.getBytes(StandardCharsets.UTF_8);
        return "CSV " + brief(NODES.textNode(mutated));
    }

    private String contentType(FuzzRequest request) {
        String type = pick(List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/json; charset=ISO-8859-1",
                "application/json-patch+json",
                "",
                "application/*",
                "*/*",
                "text/csv",
                "application/json;;",
                "invalid"));
        if (type.isEmpty()) {
            request.headers.remove("Content-Type");
            return "no Content-Type";
        }
        request.headers.put("Content-Type", type);
        return "Content-Type " + type;
    }

    private String oversized(FuzzRequest request) {
        byte[] big = ("{\"pad\":\"" + "x".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        request.json = null;
        request.rawBody = big;
        request.chunked = random.nextBoolean();
        return (request.chunked ? "chunked " : "") + big.length + "-byte body";
    }

    private String noBody(FuzzRequest request) {
        request.json = null;
        request.rawBody = null;
        return "no body";
    }

    private String unexpectedBody(FuzzRequest request) {
        request.rawBody =
                pick(List.of("{\"x\":1}", "garbage", "{\"a\":\"\\u0000\"}")).getBytes(StandardCharsets.UTF_8);
        request.headers.put("Content-Type", pick(List.of("application/json", "text/plain")));
        return "a body where none is expected (" + request.headers.get("Content-Type") + ")";
    }

    // ------------------------------------------------------------------ parameters and headers

    private String badPath(FuzzRequest request, List<Parameter> parameters) {
        Parameter parameter =
                pick(parameters.stream().filter(p -> "path".equals(p.getIn())).toList());
        String value = pick(List.of(
                "not-a-uuid",
                "%00",
                "x%00y",
                "%ED%A0%80",
                "%zz",
                "%",
                "99999999999",
                "-1",
                "1.5",
                "2022.0",
                "%20",
                "bureau",
                "..%2F..%2Fetc",
                "x".repeat(100_000),
                "%C0%AF",
                "1e3",
                "0x7E6",
                "00000000-0000-0000-0000-000000000000",
                "9".repeat(40),
                "%E6%B5%8B"));
        request.path.put(parameter.getName(), value);
        return parameter.getName() + " = " + (value.length() > 60 ? value.length() + " chars" : value);
    }

    private String badQuery(FuzzRequest request, List<Parameter> parameters) {
        Parameter parameter =
                pick(parameters.stream().filter(p -> "query".equals(p.getIn())).toList());
        Schema<?> schema = parameter.getSchema();
        List<String> values = new ArrayList<>(List.of(
                "", "%00", "a%00b", "%ED%A0%80", "%zz", "x".repeat(10_000), "x".repeat(100_000), "%E6%B5%8B%E8%AF%95"));
        if ("integer".equals(schema.getType())) {
            values.addAll(List.of("abc", "1.5", "0", "-1", "101", "99999999999", "1e2", "%2B5", "0x10", "１", "20%20"));
        } else if ("uuid".equals(schema.getFormat())) {
            values.addAll(List.of(
                    "not-a-uuid", "00000000-0000-0000-0000-00000000000g", "1", "a0f1e2d3000040008000000000000001"));
        } else if (schema.getEnum() != null) {
            values.addAll(List.of("NOT_A_VALUE", "active", "ACTIVE,CLOSED", "%20ACTIVE", "1"));
        } else if ("cursor".equals(parameter.getName())) {
            values.addAll(List.of("garbage", "eyJ4IjoxfQ", "eyJ4IjoxfQ%3D%3D", "AAAA", "%FF%FE", "x".repeat(201)));
        }
        String value = pick(values);
        if (random.nextInt(6) == 0) {
            request.query.add(new String[] {parameter.getName(), "1"});
        }
        request.query.add(new String[] {parameter.getName(), value});
        if (random.nextInt(8) == 0) {
            request.query.add(new String[] {"unknown", "x"});
        }
        return parameter.getName() + "=" + (value.length() > 60 ? value.length() + " chars" : value);
    }

    private String badHeader(FuzzRequest request, List<Parameter> parameters) {
        boolean ifMatch = parameters.stream().anyMatch(p -> "If-Match".equals(p.getName()));
        boolean idempotent = parameters.stream().anyMatch(p -> "Idempotency-Key".equals(p.getName()));
        List<String> options = new ArrayList<>(List.of("accept", "accept", "accept-language", "authorization"));
        if (ifMatch) {
            options.addAll(List.of("if-match", "if-match", "if-match"));
        }
        if (idempotent) {
            options.addAll(List.of("idempotency-key", "idempotency-key"));
        }
        switch (pick(options)) {
            case "if-match" -> {
                String value = pick(List.of(
                        "",
                        "W/\"0\"",
                        "*",
                        "\"abc\"",
                        "\"99999999999999999999\"",
                        "0",
                        "\"-1\"",
                        "\"0\", \"1\"",
                        "\"" + "9".repeat(70) + "\"",
                        "\"0\"\"",
                        "\"",
                        "\"\u00e9\""));
                if (value.isEmpty()) {
                    request.headers.remove("If-Match");
                    return "no If-Match";
                }
                request.headers.put("If-Match", value);
                return "If-Match " + value;
            }
            case "idempotency-key" -> {
                String value = pick(List.of(
                        "short",
                        "k".repeat(65),
                        "has space here",
                        "键键键键键键键键",
                        "x/../../y00",
                        "fuzz-" + random.nextInt(1_000_000)));
                request.headers.put("Idempotency-Key", value);
                return "Idempotency-Key " + value;
            }
            case "accept" -> {
                String value = pick(List.of(
                        "application/xml",
                        "text/html",
                        "application/json;q=0",
                        "*/*",
                        "application/problem+json",
                        "text/csv",
                        "garbage",
                        "application/*"));
                request.headers.put("Accept", value);
                return "Accept " + value;
            }
            case "accept-language" -> {
                String value =
                        pick(List.of("xx", "en;q=abc", "*", "zh-Hant-TW", "en-US,en;q=0.9", "!!", "a".repeat(300)));
                request.headers.put("Accept-Language", value);
                return "Accept-Language " + value;
            }
            default -> {
                String value = pick(List.of(
                        "Bearer ", "Bearer x.y.z", "Basic dXNlcjpwYXNz", "bearer", "Bearer " + "a".repeat(9_000)));
                request.headers.put("Authorization", value);
                return "Authorization " + (value.length() > 40 ? value.substring(0, 20) + "…" : value);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String brief(JsonNode value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + " chars)" : text;
    }

    static TextNode text(String value) {
        return NODES.textNode(value);
    }
}
