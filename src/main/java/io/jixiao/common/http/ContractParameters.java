package io.jixiao.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jixiao.common.error.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The typed path and query parameters of every operation, read from the contract itself
 * ({@code META-INF/openapi.yaml}, the file served at /q/openapi), and the check of a request's
 * raw values against them: an integer that is not one, a UUID or date that does not parse, a value
 * outside its enum or range is the client's mistake, named by its parameter — never the 404 that
 * JAX-RS gives for an unconvertible query or path parameter.
 */
final class ContractParameters {

    /** One parameter's schema, as far as the check needs it. */
    record Schema(String type, String format, Long minimum, Long maximum, Set<String> values) {}

    /** One operation: its method, its path as a pattern, and its typed parameters. */
    record Operation(
            String method,
            Pattern path,
            List<String> pathNames,
            Map<String, Schema> pathParameters,
            Map<String, Schema> query) {}

    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern INTEGER_TEXT = Pattern.compile("^-?[0-9]{1,18}$");
    /**
     * RFC 3339's date-time: seconds and an offset are required ({@code OffsetDateTime.parse}
     * alone would also take "2022-05-01T09:00Z").
     */
    private static final Pattern RFC_3339 = Pattern.compile(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})$");

    private final List<Operation> operations;

    private ContractParameters(List<Operation> operations) {
        // Literal paths before templated ones: /v1/x/verification is not /v1/x/{id}.
        this.operations = operations.stream()
                .sorted(java.util.Comparator.comparingInt(o -> o.pathNames().size()))
                .toList();
    }

    private static volatile ContractParameters served;

    /** The contract this application serves, read once. */
    static ContractParameters served() {
        if (served == null) {
            served = fromClasspath();
        }
        return served;
    }

    /** The methods the contract defines on the path (for the Allow header of a 405). */
    List<String> allowedMethods(String path) {
        return operations.stream()
                .filter(o -> o.path().matcher(path).matches())
                .map(Operation::method)
                .distinct()
                .sorted()
                .toList();
    }

    static ContractParameters fromClasspath() {
        try (InputStream in = ContractParameters.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/openapi.yaml is not on the classpath");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ContractParameters parse(JsonNode contract) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<String> names = new ArrayList<>();
            Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            StringBuilder regex = new StringBuilder("^");
            int last = 0;
            while (variable.find()) {
                regex.append(Pattern.quote(path.getKey().substring(last, variable.start())))
                        .append("([^/]+)");
                names.add(variable.group(1));
                last = variable.end();
            }
            regex.append(Pattern.quote(path.getKey().substring(last))).append("$");
            Pattern pattern = Pattern.compile(regex.toString());
            List<JsonNode> shared = list(path.getValue().path("parameters"));
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (method.getKey().equals("parameters")) {
                    continue;
                }
                Map<String, Schema> pathParameters = new LinkedHashMap<>();
                Map<String, Schema> query = new LinkedHashMap<>();
                List<JsonNode> parameters = new ArrayList<>(shared);
                parameters.addAll(list(method.getValue().path("parameters")));
                for (JsonNode reference : parameters) {
                    JsonNode parameter = resolve(contract, reference);
                    Schema schema = schema(contract, resolve(contract, parameter.path("schema")));
                    switch (parameter.path("in").asText()) {
                        case "path" -> pathParameters.put(parameter.path("name").asText(), schema);
                        case "query" -> query.put(parameter.path("name").asText(), schema);
                        default -> {}
                    }
                }
                operations.add(new Operation(method.getKey().toUpperCase(), pattern, names, pathParameters, query));
            }
        }
        return new ContractParameters(operations);
    }

    /** The problems of the request's path and query values; empty when they fit the contract. */
    List<FieldProblem> check(String method, String path, Map<String, List<String>> query) {
        Optional<Operation> operation = operations.stream()
                .filter(o -> o.method().equals(method) && o.path().matcher(path).matches())
                .findFirst();
        if (operation.isEmpty()) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        Matcher matcher = operation.get().path().matcher(path);
        if (matcher.matches()) {
            for (int i = 0; i < operation.get().pathNames().size(); i++) {
                String name = operation.get().pathNames().get(i);
                Schema schema = operation.get().pathParameters().get(name);
                if (schema != null) {
                    problem(name, matcher.group(i + 1), schema).ifPresent(problems::add);
                }
            }
        }
        query.forEach((name, values) -> {
            Schema schema = operation.get().query().get(name);
            if (schema != null) {
                for (String value : values) {
                    if (!value.isEmpty()) { // an empty value is treated as absent
                        problem(name, value, schema).ifPresent(problems::add);
                    }
                }
            }
        });
        return problems;
    }

    static Optional<FieldProblem> problem(String name, String value, Schema schema) {
        if ("integer".equals(schema.type())) {
            if (!INTEGER_TEXT.matcher(value).matches()) {
                return Optional.of(new FieldProblem(name, "must be a whole number"));
            }
            long number = Long.parseLong(value);
            if (schema.minimum() != null && number < schema.minimum()) {
                return Optional.of(new FieldProblem(name, "must be at least " + schema.minimum()));
            }
            if (schema.maximum() != null && number > schema.maximum()) {
                return Optional.of(new FieldProblem(name, "must be at most " + schema.maximum()));
            }
            if ("int32".equals(schema.format()) && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
                return Optional.of(new FieldProblem(name, "is out of range"));
            }
        }
        if ("uuid".equals(schema.format()) && !UUID_TEXT.matcher(value).matches()) {
            return Optional.of(new FieldProblem(name, "must be a UUID"));
        }
        if ("date".equals(schema.format()) && !parses(() -> LocalDate.parse(value))) {
            return Optional.of(new FieldProblem(name, "must be a date (YYYY-MM-DD)"));
        }
        if ("date-time".equals(schema.format())
                && !(RFC_3339.matcher(value).matches() && parses(() -> OffsetDateTime.parse(value)))) {
            return Optional.of(new FieldProblem(
                    name,
                    "must be an RFC 3339 date-time with seconds and an offset, e.g. 2023-06-01T00:00:00Z"
                            + " (a + in the offset is sent as %2B)"));
        }
        if (!schema.values().isEmpty() && !schema.values().contains(value)) {
            return Optional.of(new FieldProblem(name, "must be one of " + String.join(", ", schema.values())));
        }
        return Optional.empty();
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Schema schema(JsonNode contract, JsonNode schema) {
        Set<String> values = new HashSet<>();
        list(schema.path("enum")).forEach(v -> values.add(v.asText()));
        return new Schema(
                schema.path("type").asText(null),
                schema.path("format").asText(null),
                schema.has("minimum") ? schema.path("minimum").asLong() : null,
                schema.has("maximum") ? schema.path("maximum").asLong() : null,
                Set.copyOf(values));
    }

    /** The node a {@code $ref} points at (local references only, as in our contract). */
    private static JsonNode resolve(JsonNode contract, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String[] steps =
                    current.path("$ref").asText().replaceFirst("^#/", "").split("/");
            JsonNode target = contract;
            for (String step : steps) {
                target = target.path(step);
            }
            current = target;
        }
        return current;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
