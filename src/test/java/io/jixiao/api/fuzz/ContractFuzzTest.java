package io.jixiao.api.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing generated from the contract: for every operation of openapi.yaml, a
 * valid request by a caller allowed to make it ({@link Baselines}) is mutated ({@link Mutator}:
 * wrong types, missing, extra and null fields, null array elements, U+0000, lone surrogates,
 * 100 KB strings, deep nesting, invalid enums, UUIDs, dates, numbers, cursors, limits, path
 * segments, headers, media types, oversized and chunked bodies) and sent byte for byte. Every
 * answer must hold these properties: no 5xx; a status the contract documents for that
 * operation; an error is {@code application/problem+json} whose {@code status} is the HTTP
 * status; a request made certainly invalid (U+0000, a lone surrogate, a null array element, a
 * wrong JSON type, an unknown property, a value outside an enum, a string past its limits) is
 * never answered 2xx — it would have been stored altered.
 *
 * <p>Bounded in time ({@code -Dfuzz.millis}, default 70 000 for the mutation rounds;
 * {@code -Dfuzz.cases} rounds at most, default 200). Seeded: the run prints its seed, and
 * every failure its request and its case seed. Replay a whole run with
 * {@code -Dfuzz.seed=S}, one request with {@code -Dfuzz.case=operationId:caseSeed}
 * (the objects it acts on are new ones of the same shape). A report of the failure classes goes
 * to {@code target/fuzz-report.md}.
 */
@QuarkusTest
class ContractFuzzTest {

    private static final Path REPORT = Path.of("target/fuzz-report.md");

    /** An operation of the contract, as the fuzz test needs it. */
    record Op(
            String operationId,
            String method,
            String path,
            Set<String> documented,
            Schema<?> body,
            List<Parameter> parameters) {}

    /** One failing answer. */
    record Failure(
            String operationId,
            String property,
            String kind,
            int status,
            String contentType,
            long caseSeed,
            String request,
            String mutation) {

        String classKey() {
            return operationId + " | " + kind + " | " + property;
        }
    }

    @Test
    void everyOperationAnswersMutatedRequestsWithADocumentedStatusAndAProblem() throws IOException {
        long seed = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
        long budgetMillis = Long.getLong("fuzz.millis", 70_000);
        int rounds = Integer.getInteger("fuzz.cases", 200);
        String replay = System.getProperty("fuzz.case");
        System.out.println("fuzz: seed " + seed + " (replay the run with -Dfuzz.seed=" + seed + ")");

        List<Op> operations = operations();
        Baselines baselines = new Baselines();
        List<String> withoutBaseline = operations.stream()
                .filter(op -> baselines.of(op.operationId(), op.method(), op.path()) == null)
                .map(Op::operationId)
                .toList();
        assertEquals(List.of(), withoutBaseline, "every operation of openapi.yaml needs a valid request in Baselines");

        List<Failure> failures = new ArrayList<>();
        int sent = 0;
        long started = System.currentTimeMillis();
        if (replay != null) {
            String[] parts = replay.split(":");
            Op op = operations.stream()
                    .filter(o -> o.operationId().equals(parts[0]))
                    .findFirst()
                    .orElseThrow();
            run(op, baselines, Long.parseLong(parts[1]), failures);
            sent = 1;
        } else {
            round:
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < operations.size(); i++) {
                    if (System.currentTimeMillis() - started > budgetMillis) {
                        break round;
                    }
                    long caseSeed = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (round * 1_000L + i)).nextLong();
                    run(operations.get(i), baselines, caseSeed, failures);
                    sent++;
                }
            }
        }
        long millis = System.currentTimeMillis() - started;
        String report = report(seed, sent, millis, operations.size(), failures);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);
        System.out.println(report);
        assertTrue(failures.isEmpty(), report);
    }

    private static void run(Op op, Baselines baselines, long caseSeed, List<Failure> failures) {
        FuzzRequest base = baselines.of(op.operationId(), op.method(), op.path());
        FuzzRequest request = new Mutator(caseSeed).mutate(base, op.body(), op.parameters());
        RawHttp.Response response;
        try {
            response = RawHttp.send(
                    RestAssured.port,
                    request.method,
                    request.target(),
                    request.headers,
                    request.bodyBytes(),
                    request.chunked);
        } catch (IOException e) {
            failures.add(new Failure(
                    op.operationId(),
                    "no HTTP answer (" + e.getMessage() + ")",
                    request.kind,
                    0,
                    null,
                    caseSeed,
                    request.describe(),
                    request.mutation));
            return;
        }
        int status = response.status();
        String contentType = response.header("content-type");
        List<String> broken = new ArrayList<>();
        if (status >= 500) {
            broken.add("5xx");
        }
        if (request.mustBeRefused && status < 300) {
            broken.add("invalid request accepted");
        }
        if (!op.documented().contains(String.valueOf(status))) {
            broken.add("status " + status + " not documented");
        }
        if (status >= 400) {
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                broken.add("error not problem+json");
            } else {
                try {
                    JsonNode problem = FuzzRequest.JSON.readTree(response.body());
                    if (problem.path("status").asInt() != status) {
                        broken.add("problem status ≠ HTTP status");
                    }
                } catch (IOException e) {
                    broken.add("problem body is not JSON");
                }
            }
        }
        for (String property : broken) {
            failures.add(new Failure(
                    op.operationId(),
                    property,
                    request.kind,
                    status,
                    contentType,
                    caseSeed,
                    request.describe(),
                    request.mutation));
        }
    }

    private static List<Op> operations() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI spec = new OpenAPIV3Parser().read("openapi/openapi.yaml", null, options);
        List<Op> operations = new ArrayList<>();
        for (Map.Entry<String, PathItem> entry : spec.getPaths().entrySet()) {
            PathItem item = entry.getValue();
            for (Map.Entry<PathItem.HttpMethod, Operation> method :
                    item.readOperationsMap().entrySet()) {
                Operation operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                if (item.getParameters() != null) {
                    parameters.addAll(item.getParameters());
                }
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                Schema<?> body = null;
                if (operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null) {
                    MediaType json = operation.getRequestBody().getContent().get("application/json");
                    body = json == null ? null : json.getSchema();
                }
                operations.add(new Op(
                        operation.getOperationId(),
                        method.getKey().name(),
                        entry.getKey(),
                        Set.copyOf(operation.getResponses().keySet()),
                        body,
                        parameters));
            }
        }
        operations.sort(Comparator.comparing(Op::operationId));
        return operations;
    }

    private static String report(long seed, int sent, long millis, int operations, List<Failure> failures) {
        StringBuilder out = new StringBuilder("# Contract fuzz: ")
                .append(sent)
                .append(" mutated requests over ")
                .append(operations)
                .append(" operations in ")
                .append(millis / 1000.0)
                .append(" s, seed ")
                .append(seed)
                .append("\n\n");
        if (failures.isEmpty()) {
            return out.append("No failure: every answer was documented, below 500, and every error a problem.\n")
                    .toString();
        }
        Map<String, List<Failure>> byClass = new TreeMap<>();
        failures.forEach(f ->
                byClass.computeIfAbsent(f.classKey(), k -> new ArrayList<>()).add(f));
        Map<String, Set<String>> summary = new TreeMap<>();
        Map<String, Failure> firstOfSummary = new LinkedHashMap<>();
        byClass.forEach((key, list) -> {
            Failure f = list.get(0);
            String line = f.property() + " ← " + f.kind();
            summary.computeIfAbsent(line, k -> new java.util.TreeSet<>())
                    .add(f.operationId() + " (" + f.status() + ")");
            firstOfSummary.putIfAbsent(line, f);
        });
        out.append(failures.size())
                .append(" failing answers in ")
                .append(byClass.size())
                .append(" classes (operation | mutation kind | property).\n\n## By property and mutation kind\n\n");
        summary.forEach((line, ops) -> out.append("- **")
                .append(line)
                .append("**: ")
                .append(String.join(", ", ops))
                .append("\n"));
        out.append("\n## First request of each class\n");
        byClass.forEach((key, list) -> {
            Failure f = list.get(0);
            out.append("\n### ")
                    .append(key)
                    .append(" (")
                    .append(list.size())
                    .append("×)\n")
                    .append("answered ")
                    .append(f.status())
                    .append(' ')
                    .append(f.contentType())
                    .append("; ")
                    .append(f.mutation())
                    .append("\nreplay: -Dfuzz.case=")
                    .append(f.operationId())
                    .append(':')
                    .append(f.caseSeed())
                    .append("\n```\n")
                    .append(f.request())
                    .append("\n```\n");
        });
        return out.toString();
    }
}
