package io.jixiao.analytics;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.support.Api;
import io.jixiao.support.Scores;
import io.jixiao.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Analytics figures against an independent computation over the same data: the test reads the
 * evaluations' results, indicator sets, sample results and rectifications through the ordinary
 * API and aggregates them in Java; the analytics must say the same. Scope: a street office never
 * counts another office's projects; a bureau only its district; assessors are refused.
 */
@QuarkusTest
class AnalyticsApiTest {

    static World world;
    /** project id → its purchaser's token */
    static final Map<String, String> PROJECTS = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        if (world != null) {
            return;
        }
        world = World.create();
        // 1: the 2022 Wenchong project of the street office (two finalized evaluations, findings, samples)
        String wenchong = io.jixiao.report.Wenchong2022.build(world).project;
        PROJECTS.put(wenchong, world.streetToken());
        // 2: another office's project: a finalized FINAL evaluation graded GOOD, its own indicators
        String other = Api.as(world.otherStreetToken())
                .body(world.projectBody("大沙街社工服务站运营项目"))
                .post("/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        PROJECTS.put(other, world.otherStreetToken());
        Api.as(world.otherStreetToken())
                .body(Map.of(
                        "indicators",
                        List.of(
                                Map.of(
                                        "key",
                                        "phone-visits",
                                        "name",
                                        "电访",
                                        "unit",
                                        "个",
                                        "category",
                                        "OUTPUT",
                                        "target",
                                        "800",
                                        "actual",
                                        "600"),
                                Map.of(
                                        "key",
                                        "cases-closed",
                                        "name",
                                        "个案完成",
                                        "unit",
                                        "个",
                                        "category",
                                        "OUTPUT",
                                        "target",
                                        "40",
                                        "actual",
                                        "41"))))
                .put("/v1/projects/{id}/indicators/2022", other)
                .then()
                .statusCode(201);
        String evaluation = world.openEvaluation(other, "FINAL");
        Api.as(world.bureauToken())
                .body(Scores.submission("BUREAU", "85", world.bureauToken()))
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(201);
        Api.as(world.otherStreetToken())
                .body(Scores.submission("STREET_OFFICE", "82.5", world.otherStreetToken()))
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(201);
        Api.as(world.assessorToken())
                .body(Scores.submission("ASSESSOR", "84", world.assessorToken()))
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(201);
        String etag = Api.as(world.bureauToken())
                .get("/v1/evaluations/{id}", evaluation)
                .header("ETag");
        Api.as(world.bureauToken())
                .header("If-Match", etag)
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200);
        // 3: an open evaluation, which no figure may count
        world.openEvaluation(world.createProject("进行中项目"), "FINAL");
    }

    /** Every FINALIZED evaluation's result of the given projects, read through the evaluations API. */
    private static List<JsonPath> finalizedResults(List<String> projects) {
        List<JsonPath> results = new ArrayList<>();
        for (String project : projects) {
            List<Map<String, Object>> items = Api.as(world.auditorToken())
                    .queryParam("projectId", project)
                    .queryParam("state", "FINALIZED")
                    .queryParam("limit", 100)
                    .get("/v1/evaluations")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items");
            for (Map<String, Object> item : items) {
                results.add(Api.as(world.auditorToken())
                        .get("/v1/evaluations/{id}/result", item.get("id"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath());
            }
        }
        return results;
    }

    private static String average(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    @Test
    void gradesAndPartyScoresEqualTheResultsReadOneByOne() {
        List<JsonPath> results = finalizedResults(new ArrayList<>(PROJECTS.keySet()));
        assertEquals(3, results.size());
        Map<String, Integer> grades = new HashMap<>();
        List<BigDecimal> totals = new ArrayList<>();
        Map<String, List<BigDecimal>> parties = new TreeMap<>();
        for (JsonPath r : results) {
            grades.merge(r.getString("grade"), 1, Integer::sum);
            totals.add(new BigDecimal(r.getString("total")));
            for (Map<String, Object> p : r.<Map<String, Object>>getList("parties")) {
                parties.computeIfAbsent((String) p.get("party"), k -> new ArrayList<>())
                        .add(new BigDecimal((String) p.get("score")));
            }
        }
        JsonPath g = Api.as(world.bureauToken())
                .get("/v1/analytics/grades?fiscalYear=2022")
                .then()
                .statusCode(200)
                .body("asOf", notNullValue())
                .body("filter.fiscalYear", equalTo(2022))
                .body("filter.groupBy", equalTo("DISTRICT"))
                .extract()
                .jsonPath();
        assertEquals(List.of(world.district), g.getList("rows.group"), "a bureau sees its district only");
        assertEquals(3, g.getInt("rows[0].evaluations"));
        assertEquals(grades.getOrDefault("EXCELLENT", 0), g.getInt("rows[0].excellent"));
        assertEquals(grades.getOrDefault("GOOD", 0), g.getInt("rows[0].good"));
        assertEquals(average(totals), g.getString("rows[0].averageTotal"));
        assertEquals(2, g.getInt("basis.projects"));
        assertEquals(3, g.getInt("basis.evaluations"));

        JsonPath s = Api.as(world.bureauToken())
                .get("/v1/analytics/party-scores?fiscalYear=2022")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(average(parties.get("BUREAU")), s.getString("parties.find { it.party == 'BUREAU' }.averageScore"));
        assertEquals(
                average(parties.get("STREET_OFFICE")),
                s.getString("parties.find { it.party == 'STREET_OFFICE' }.averageScore"));
        assertEquals(
                average(parties.get("ASSESSOR")), s.getString("parties.find { it.party == 'ASSESSOR' }.averageScore"));
        assertEquals(0, s.getInt("disagreements"));
        // every dimension's average is at most its maximum, and the assessor's six dimensions are there
        assertEquals(
                List.of("A1", "A2", "A3", "A4", "A5", "A6"),
                s.getList("dimensions.findAll { it.party == 'ASSESSOR' }.code"));
        assertEquals(3, s.getInt("dimensions.find { it.code == 'B1' }.submissions"));
        assertEquals(
                average(parties.get("BUREAU")),
                s.getString("dimensions.find { it.code == 'B1' }.averagePoints"),
                "the bureau's one dimension holds all its points");

        // the street office: only its own project (two evaluations), never the other office's
        JsonPath own = Api.as(world.streetToken())
                .get("/v1/analytics/grades?groupBy=STREET")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, own.getInt("basis.evaluations"));
        assertEquals(1, own.getInt("basis.projects"));
        assertEquals(2, own.getInt("rows[0].excellent"));
        assertEquals("93.55", own.getString("rows[0].averageTotal"));
        // filters narrow: the mid-term phase only
        Api.as(world.streetToken())
                .get("/v1/analytics/grades?phase=MID_TERM")
                .then()
                .statusCode(200)
                .body("basis.evaluations", equalTo(1))
                .body("rows[0].averageTotal", equalTo("93.05"))
                .body("filter.phase", equalTo("MID_TERM"));
        // another district's bureau sees nothing of ours
        World foreign = World.create();
        Api.as(foreign.bureauToken())
                .get("/v1/analytics/grades")
                .then()
                .statusCode(200)
                .body("basis.evaluations", equalTo(0));
    }

    @Test
    void indicatorCompletionEqualsTheIndicatorSetsReadOneByOne() {
        Map<String, List<BigDecimal>> rates = new TreeMap<>();
        Map<String, Integer> reported = new TreeMap<>();
        for (Map.Entry<String, String> project : PROJECTS.entrySet()) {
            List<Map<String, Object>> lines = Api.as(project.getValue())
                    .get("/v1/projects/{id}/indicators/2022", project.getKey())
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("indicators");
            for (Map<String, Object> line : lines) {
                String key = (String) line.get("key");
                reported.merge(key, 1, Integer::sum);
                if (line.get("completionRate") != null) {
                    rates.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new BigDecimal((String) line.get("completionRate")));
                }
            }
        }
        JsonPath a = Api.as(world.auditorToken())
                .queryParam("district", world.district)
                .queryParam("fiscalYear", 2022)
                .get("/v1/analytics/indicator-completion")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(new ArrayList<>(reported.keySet()), a.getList("rows.key"));
        for (String key : reported.keySet()) {
            Map<String, Object> row = a.getMap("rows.find { it.key == '" + key + "' }");
            assertEquals(reported.get(key), row.get("projects"), key);
            List<BigDecimal> list =
                    rates.getOrDefault(key, List.of()).stream().sorted().toList();
            assertEquals(list.size(), row.get("withTarget"), key);
            if (list.isEmpty()) {
                assertEquals(null, row.get("medianRate"), key);
                continue;
            }
            BigDecimal median = list.size() % 2 == 1
                    ? list.get(list.size() / 2)
                    : list.get(list.size() / 2 - 1)
                            .add(list.get(list.size() / 2))
                            .divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
            assertEquals(median.setScale(2).toPlainString(), row.get("medianRate"), key);
            assertEquals(list.get(0).toPlainString(), row.get("minimumRate"), key);
            long below = list.stream()
                    .filter(r -> r.compareTo(BigDecimal.valueOf(80)) < 0)
                    .count();
            assertEquals((int) below, row.get("belowEighty"), key);
        }
        // phone visits: 103.02 (Wenchong) and 75.00 (the other office): median 89.01, one of two below 80 %
        assertEquals("89.01", a.getString("rows.find { it.key == 'phone-visits' }.medianRate"));
        assertEquals("50.00", a.getString("rows.find { it.key == 'phone-visits' }.shareBelowEighty"));
        assertEquals(2, a.getInt("basis.projects"));
        // the street office's figures hold its own project only
        Api.as(world.streetToken())
                .get("/v1/analytics/indicator-completion")
                .then()
                .statusCode(200)
                .body("basis.projects", equalTo(1))
                .body("rows.find { it.key == 'phone-visits' }.medianRate", equalTo("103.02"));
    }

    @Test
    void samplesAndRectificationsEqualTheResultsReadOneByOne() {
        int quota = 0;
        int respondents = 0;
        int satisfied = 0;
        int valid = 0;
        for (String project : PROJECTS.keySet()) {
            List<Map<String, Object>> items = Api.as(world.auditorToken())
                    .queryParam("projectId", project)
                    .queryParam("limit", 100)
                    .get("/v1/evaluations")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items");
            for (Map<String, Object> item : items) {
                io.restassured.response.Response results = Api.as(world.auditorToken())
                        .get("/v1/evaluations/{id}/samples/SATISFACTION/results", item.get("id"));
                if (results.statusCode() == 404) {
                    continue; // no sample planned for this evaluation
                }
                JsonPath r = results.then().statusCode(200).extract().jsonPath();
                quota += r.getInt("overall.quota");
                respondents += r.getInt("overall.respondents");
                satisfied += r.getInt("overall.satisfied");
                valid += r.getInt("overall.valid");
            }
        }
        JsonPath a = Api.as(world.auditorToken())
                .queryParam("district", world.district)
                .get("/v1/analytics/samples")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> satisfaction = a.getList("rows.findAll { it.kind == 'SATISFACTION' }");
        assertEquals(
                List.of("SERVICE_USER", "COMMITTEE_PARTNER"),
                satisfaction.stream().map(r -> r.get("stratum")).toList());
        assertEquals(
                respondents,
                satisfaction.stream()
                        .mapToInt(r -> (Integer) r.get("respondents"))
                        .sum());
        assertEquals(
                satisfied,
                satisfaction.stream().mapToInt(r -> (Integer) r.get("positive")).sum());
        assertEquals(
                valid,
                satisfaction.stream().mapToInt(r -> (Integer) r.get("valid")).sum());
        assertTrue(satisfaction.stream().mapToInt(r -> (Integer) r.get("quota")).sum() >= quota);
        assertEquals(40, respondents, "two Wenchong samples of 20");

        JsonPath rect = Api.as(world.bureauToken())
                .get("/v1/analytics/rectifications?fiscalYear=2022")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("PROJECT_MANAGEMENT"), rect.getList("rows.category"));
        assertEquals(2, rect.getInt("rows[0].findings"));
        assertEquals(1, rect.getInt("rows[0].partiallyResolved"));
        assertEquals(1, rect.getInt("rows[0].resolved"));
        assertEquals(0, rect.getInt("rows[0].open"));
        assertEquals(2, rect.getInt("basis.findings"));
        Api.as(world.otherStreetToken())
                .get("/v1/analytics/rectifications")
                .then()
                .statusCode(200)
                .body("basis.findings", equalTo(0));
    }

    @Test
    void assessorsAreRefusedAndBadFiltersNamed() {
        Api.as(world.assessorToken()).get("/v1/analytics/grades").then().statusCode(403);
        Api.as(world.auditorToken())
                .get("/v1/analytics/grades?groupBy=PLANET")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
        Api.as(world.auditorToken())
                .get("/v1/analytics/samples?fiscalYear=1999")
                .then()
                .statusCode(400);
    }
}
