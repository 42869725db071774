package io.jixiao.demo;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.common.security.Roles;
import io.jixiao.support.Api;
import io.jixiao.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The demo data that src/main/scripts/run.sh loads (src/main/demo/) cannot drift from the
 * contract: the loader itself (src/main/scripts/DemoData.java, as run.sh launches it) loads the
 * whole set into the test app through the API, every exchange it had is validated against
 * openapi/openapi.yaml (request and response), and the 2022 figures of the Wenchong report come
 * out.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataTest {

    static final Path DEMO = Path.of("src/main/demo");
    static final String PROJECT = "文冲街社工服务站（家庭综合服务中心）运营项目";
    static final ObjectMapper JSON = new ObjectMapper();
    static final OpenApiInteractionValidator CONTRACT = OpenApiInteractionValidator.createForSpecificationUrl(
                    Path.of("openapi/openapi.yaml").toUri().toString())
            .build();

    @TestHTTPResource("/")
    URL app;

    static String firstLoadOutput;

    @Test
    @Order(1)
    void theLoaderSendsOnlyRequestsTheContractAcceptsAndGetsOnlyAnswersItDescribes() throws Exception {
        Path record = Files.createTempFile("demo-exchanges", ".jsonl");
        Loader run = load(record);
        firstLoadOutput = run.output;
        assertEquals(0, run.status, "the loader failed:\n" + run.output);
        assertTrue(run.output.contains("[demo] done"), run.output);

        List<JsonNode> exchanges = Files.readAllLines(record, StandardCharsets.UTF_8).stream()
                .map(DemoDataTest::parse)
                .toList();
        List<String> violations = new ArrayList<>();
        for (JsonNode x : exchanges) {
            ValidationReport report = CONTRACT.validate(request(x), response(x));
            if (report.hasErrors()) {
                violations.add(x.get("method").asText() + " " + x.get("path").asText() + " → "
                        + x.get("status").asInt() + ":\n"
                        + report.getMessages().stream()
                                .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                                .collect(Collectors.joining("\n")));
            }
        }
        assertEquals(List.of(), violations, "demo exchanges outside the contract");
        // every organisation, score sheet, finding, the roster and 20 interviews per evaluation went through
        long bodies = exchanges.stream().filter(x -> !x.get("body").isNull()).count();
        assertTrue(bodies >= 70, "only " + bodies + " requests with a body were sent");
    }

    @Test
    @Order(2)
    void everyRequestFileIsPartOfThePlan() throws Exception {
        String plan = Files.readString(DEMO.resolve("wenchong-2022.json"), StandardCharsets.UTF_8);
        Set<String> unused = new TreeSet<>();
        try (Stream<Path> files = Files.list(DEMO.resolve("requests"))) {
            files.map(f -> "requests/" + f.getFileName())
                    .filter(f -> !plan.contains("\"" + f + "\""))
                    .forEach(unused::add);
        }
        assertEquals(Set.of(), unused, "request files no step sends");
    }

    @Test
    @Order(3)
    void theLoadedYearShowsTheFiguresOfThe2022Report() {
        String wenchong = Tokens.of("wenchong", Roles.STREET_OFFICE, "HP-WC");
        String auditor = Tokens.of("shenji", Roles.AUDITOR, "HP-SJJ");
        String project = Api.as(wenchong)
                .get("/v1/projects?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .param("name", PROJECT)
                .getString("items.find { it.name == name }.id");

        Api.as(wenchong)
                .get("/v1/projects/{id}/budget-lines/{year}", project, 2022)
                .then()
                .statusCode(200)
                .body("budget", equalTo("2400000.00"))
                .body("executed", equalTo("2400000.00"))
                .body("executionRate", equalTo("100.00"));
        Api.as(wenchong)
                .get("/v1/projects/{id}/evidence/{year}", project, 2022)
                .then()
                .statusCode(200)
                .body("resourceTotals.total", equalTo("1194133.28"))
                .body("dutyOffsets[0].socialWorkerPersonTimes", equalTo(1183))
                .body("honours", hasSize(3));
        Api.as(wenchong)
                .get("/v1/projects/{id}/indicators/{year}", project, 2022)
                .then()
                .statusCode(200)
                .body("indicators", hasSize(14))
                .body("indicators.find { it.key == 'phone-visits' }.completionRate", equalTo("103.02"));

        List<Map<String, Object>> evaluations = Api.as(auditor)
                .queryParam("projectId", project)
                .queryParam("fiscalYear", 2022)
                .get("/v1/evaluations")
                .then()
                .statusCode(200)
                .body("items.phase", containsInAnyOrder("MID_TERM", "FINAL"))
                .extract()
                .jsonPath()
                .getList("items");
        for (Map<String, Object> e : evaluations) {
            boolean midTerm = "MID_TERM".equals(e.get("phase"));
            Api.as(auditor)
                    .get("/v1/evaluations/{id}/result", e.get("id"))
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(midTerm ? "93.05" : "94.05"))
                    .body("grade", equalTo("EXCELLENT"));
            Api.as(wenchong)
                    .get("/v1/evaluations/{id}/samples/SATISFACTION/results", e.get("id"))
                    .then()
                    .statusCode(200)
                    .body("overall.respondents", equalTo(20))
                    .body("overall.rate", equalTo("95.00"));
            if (midTerm) {
                Api.as(auditor)
                        .get("/v1/evaluations/{id}/findings", e.get("id"))
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(6));
            } else {
                Api.as(auditor)
                        .get("/v1/evaluations/{id}/rectifications", e.get("id"))
                        .then()
                        .statusCode(200)
                        .body("items.status", containsInAnyOrder("PARTIALLY_RESOLVED", "RESOLVED"));
            }
        }
        assertTrue(firstLoadOutput.contains("evaluation 2022 MID_TERM: total 93.05, grade EXCELLENT"), firstLoadOutput);
        assertTrue(firstLoadOutput.contains("evaluation 2022 FINAL: total 94.05, grade EXCELLENT"), firstLoadOutput);
    }

    @Test
    @Order(4)
    void loadingAgainChangesNothing() throws Exception {
        Loader again = load(Files.createTempFile("demo-exchanges", ".jsonl"));
        assertEquals(0, again.status, again.output);
        assertTrue(again.output.contains("already exists"), again.output);
        Api.as(Tokens.of("wenchong", Roles.STREET_OFFICE, "HP-WC"))
                .get("/v1/projects?limit=100")
                .then()
                .statusCode(200)
                .body("items.findAll { it.name == '" + PROJECT + "' }", hasSize(1));
    }

    // ---------------------------------------------------------------- running the loader

    record Loader(int status, String output) {}

    /** Runs src/main/scripts/DemoData.java in its own JVM, as run.sh does, with test tokens for the demo users. */
    Loader load(Path record) throws Exception {
        String classpath = Stream.of(ObjectMapper.class, JsonFactory.class, JsonProperty.class)
                .map(c -> jarOf(c))
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath,
                        "src/main/scripts/DemoData.java",
                        app.toString(),
                        "http://127.0.0.1:9/realms/unused",
                        "--record",
                        record.toString())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        // As the realm issues it: the bureau user's district claim is the register's trust root.
        env.put(
                "DEMO_TOKEN_mzj",
                Tokens.signedWithTestKey(Tokens.claims("mzj", java.util.Set.of(Roles.BUREAU), "HP-MZJ")
                        .claim(Roles.DISTRICT_CLAIM, "黄埔区")));
        env.put("DEMO_TOKEN_wenchong", Tokens.of("wenchong", Roles.STREET_OFFICE, "HP-WC"));
        env.put("DEMO_TOKEN_sgx", Tokens.of("sgx", Roles.ASSESSOR, "GZ-SGX"));
        env.put("DEMO_TOKEN_shenji", Tokens.of("shenji", Roles.AUDITOR, "HP-SJJ"));
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the loader did not finish");
        return new Loader(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static String jarOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate " + c, e);
        }
    }

    // ---------------------------------------------------------------- recorded exchanges

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }

    static Request request(JsonNode x) {
        String path = x.get("path").asText();
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        SimpleRequest.Builder b = new SimpleRequest.Builder(x.get("method").asText(), path.replaceFirst("\\?.*", ""))
                .withAuthorization("Bearer demo")
                .withAccept("application/json");
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                b.withQueryParam(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
        }
        x.get("requestHeaders")
                .properties()
                .forEach(h -> b.withHeader(h.getKey(), h.getValue().asText()));
        if (!x.get("body").isNull()) {
            b.withContentType(x.get("contentType").asText())
                    .withBody(x.get("body").asText());
        }
        return b.build();
    }

    static SimpleResponse response(JsonNode x) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(x.get("status").asInt());
        x.get("responseHeaders")
                .properties()
                .forEach(h -> b.withHeader(h.getKey(), h.getValue().asText()));
        String body = x.get("responseBody").asText();
        if (!body.isEmpty()) {
            b.withBody(body);
        }
        return b.build();
    }
}
