package io.jixiao.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.jixiao.support.Api;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(WorldExtension.class)
class SamplingApiTest {

    static World world;

    /** A satisfaction roster: 40 service users, 8 committees and partners. */
    static String satisfactionCsv() {
        StringBuilder csv = new StringBuilder("code,stratum\r\n");
        for (int i = 1; i <= 40; i++) {
            csv.append(String.format("S%03d,SERVICE_USER\r\n", i));
        }
        for (int i = 1; i <= 8; i++) {
            csv.append(String.format("\"C%02d\",COMMITTEE_PARTNER\r\n", i));
        }
        return csv.toString();
    }

    private static Response upload(String evaluation, String kind, String contentType, byte[] body, String etag) {
        return Api.raw()
                .auth()
                .oauth2(world.assessorToken())
                .contentType(contentType)
                .header("If-Match", etag)
                .body(body)
                .put("/v1/evaluations/{id}/samples/{kind}/roster", evaluation, kind);
    }

    @Test
    void openingCreatesBothSamplesWithThePolicyQuotas() {
        String evaluation = world.openEvaluation("MID_TERM");
        Api.as(world.assessorToken())
                .get("/v1/evaluations/{id}/samples/AWARENESS", evaluation)
                .then()
                .statusCode(200)
                .body("strata.code", contains("KEY_CLIENT", "GENERAL_CLIENT", "NEARBY_RESIDENT"))
                .body("strata.quota", contains(30, 20, 10))
                .body("draw", nullValue());
        Api.as(world.auditorToken())
                .get("/v1/evaluations/{id}/samples/SATISFACTION", evaluation)
                .then()
                .statusCode(200)
                .body("strata.quota", contains(15, 5));
        // the purchaser sees results, not who was drawn
        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/samples/SATISFACTION", evaluation)
                .then()
                .statusCode(403);
        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/samples/SATISFACTION/results", evaluation)
                .then()
                .statusCode(200)
                .body("overall.quota", equalTo(20))
                .body("overall.rate", nullValue());
        // before opening there are no samples
        String draft = world.createEvaluation(world.createProject("未开启项目"), 2022, "FINAL");
        Api.as(world.bureauToken())
                .get("/v1/evaluations/{id}/samples/SATISFACTION", draft)
                .then()
                .statusCode(404);
    }

    @Test
    void rosterUploadsRefusePersonalDataAndNameLineAndColumn() {
        String evaluation = world.openEvaluation("FINAL");
        String kind = "SATISFACTION";
        upload(
                        evaluation,
                        kind,
                        "text/csv",
                        "code,姓名,stratum\nS001,张三,SERVICE_USER\n".getBytes(StandardCharsets.UTF_8),
                        "\"0\"")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("line 1, column 姓名"));
        upload(
                        evaluation,
                        kind,
                        "text/csv",
                        "code,stratum\n13812345678,SERVICE_USER\n".getBytes(StandardCharsets.UTF_8),
                        "\"0\"")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("line 2, column code"))
                .body("errors[0].message", containsString("phone"));
        upload(
                        evaluation,
                        kind,
                        "text/csv",
                        "code,stratum\nS001,SERVICE_USER\nS001,SERVICE_USER\nS002,ELDERLY\n\"S003,SERVICE_USER\n"
                                .getBytes(StandardCharsets.UTF_8),
                        "\"0\"")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("line 3, column code"))
                .body("errors.field", hasItem("line 4, column stratum"))
                .body("errors.field", hasItem("line 5, column code"));
        upload(evaluation, kind, "text/csv", "编号,层\nS001,SERVICE_USER\n".getBytes(Charset.forName("GBK")), "\"0\"")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("UTF-8"));
        upload(
                        evaluation,
                        kind,
                        "application/json",
                        "{\"entries\":[{\"code\":\"S001\",\"stratum\":\"SERVICE_USER\",\"phone\":\"13812345678\"}]}"
                                .getBytes(StandardCharsets.UTF_8),
                        "\"0\"")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("line 1, column phone"));
        // nothing was stored by the refused uploads
        Api.as(world.assessorToken())
                .get("/v1/evaluations/{id}/samples/SATISFACTION", evaluation)
                .then()
                .body("roster", nullValue())
                .header("ETag", "\"0\"");

        byte[] withBom = ("\uFEFF" + satisfactionCsv()).getBytes(StandardCharsets.UTF_8);
        upload(evaluation, kind, "text/csv", withBom, "\"0\"")
                .then()
                .statusCode(200)
                .body("roster.size", equalTo(48))
                .body("strata.rosterSize", contains(40, 8));
        upload(
                        evaluation,
                        kind,
                        "application/json",
                        "{\"entries\":[{\"code\":\"S001\",\"stratum\":\"SERVICE_USER\"}]}"
                                .getBytes(StandardCharsets.UTF_8),
                        "\"1\"")
                .then()
                .statusCode(200)
                .body("roster.size", equalTo(1));
        upload(evaluation, kind, "text/csv", satisfactionCsv().getBytes(StandardCharsets.UTF_8), "\"1\"")
                .then()
                .statusCode(412);
    }

    @Test
    void theDrawIsReproducibleAndRecordedOnce() {
        String evaluation = world.openEvaluation("MID_TERM");
        upload(evaluation, "SATISFACTION", "text/csv", satisfactionCsv().getBytes(StandardCharsets.UTF_8), "\"0\"")
                .then()
                .statusCode(200);
        Response drawn = Api.as(world.assessorToken())
                .header("If-Match", "\"1\"")
                .body(Map.of("seed", "2022-wenchong"))
                .post("/v1/evaluations/{id}/samples/SATISFACTION/draw", evaluation);
        drawn.then()
                .statusCode(200)
                .body("draw.reproduced", equalTo(true))
                .body("draw.strata[0].selected", hasSize(15))
                .body("draw.strata[0].reserves", hasSize(3))
                .body("draw.strata[1].selected", hasSize(5))
                .body("draw.strata[1].shortfall", equalTo(0));
        List<String> selected = drawn.path("draw.strata[0].selected");

        // the same roster and seed in another evaluation: the same draw
        String other = world.openEvaluation("FINAL");
        String shuffled = "code,stratum\n"
                + String.join(
                        "\n",
                        satisfactionCsv()
                                .lines()
                                .skip(1)
                                .sorted((a, b) -> b.compareTo(a))
                                .toList()) + "\n";
        upload(other, "SATISFACTION", "text/csv", shuffled.getBytes(StandardCharsets.UTF_8), "\"0\"")
                .then()
                .statusCode(200);
        List<String> again = Api.as(world.assessorToken())
                .header("If-Match", "\"1\"")
                .body(Map.of("seed", "2022-wenchong"))
                .post("/v1/evaluations/{id}/samples/SATISFACTION/draw", other)
                .then()
                .statusCode(200)
                .extract()
                .path("draw.strata[0].selected");
        assertEquals(selected, again);

        Api.as(world.assessorToken())
                .header("If-Match", "\"2\"")
                .body(Map.of("seed", "another"))
                .post("/v1/evaluations/{id}/samples/SATISFACTION/draw", evaluation)
                .then()
                .statusCode(409);
        Api.as(world.assessorToken())
                .header("If-Match", "\"2\"")
                .body(Map.of(
                        "strata", List.of(Map.of("code", "SERVICE_USER", "name", "服务对象", "quota", 10, "reserves", 0))))
                .put("/v1/evaluations/{id}/samples/SATISFACTION/plan", evaluation)
                .then()
                .statusCode(409);
        Api.as(world.bureauToken())
                .get("/v1/evaluations/{id}/samples/SATISFACTION", evaluation)
                .then()
                .body("draw.seed", equalTo("2022-wenchong"))
                .body("draw.reproduced", equalTo(true));
    }

    @Test
    void aSmallStratumIsReportedShortNeverPaddedAndARandomSeedIsRecorded() {
        String evaluation = world.openEvaluation("FINAL");
        upload(
                        evaluation,
                        "AWARENESS",
                        "text/csv",
                        "code,stratum\nK1,KEY_CLIENT\nK2,KEY_CLIENT\nG1,GENERAL_CLIENT\n"
                                .getBytes(StandardCharsets.UTF_8),
                        "\"0\"")
                .then()
                .statusCode(200);
        Response drawn = Api.as(world.assessorToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/samples/AWARENESS/draw", evaluation);
        drawn.then()
                .statusCode(200)
                .body("draw.strata.shortfall", contains(28, 19, 10))
                .body("draw.strata[0].selected", hasSize(2))
                .body("draw.strata[2].selected", hasSize(0));
        assertEquals(32, ((String) drawn.path("draw.seed")).length());
        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/samples/AWARENESS/results", evaluation)
                .then()
                .body("strata.drawn", contains(2, 1, 0))
                .body("overall.quotasMet", equalTo(false));
    }

    @Test
    void onlyDrawnCodesAnswerAndReservesReplaceRefusalsInOrder() {
        String evaluation = world.openEvaluation("MID_TERM");
        upload(evaluation, "SATISFACTION", "text/csv", satisfactionCsv().getBytes(StandardCharsets.UTF_8), "\"0\"")
                .then()
                .statusCode(200);
        Response drawn = Api.as(world.assessorToken())
                .header("If-Match", "\"1\"")
                .body(Map.of("seed", "wenchong"))
                .post("/v1/evaluations/{id}/samples/SATISFACTION/draw", evaluation);
        List<String> users = drawn.path("draw.strata[0].selected");
        List<String> reserves = drawn.path("draw.strata[0].reserves");
        List<String> partners = drawn.path("draw.strata[1].selected");
        String path = "/v1/evaluations/{id}/samples/SATISFACTION/responses";

        String notDrawn = java.util.stream.IntStream.rangeClosed(1, 40)
                .mapToObj(i -> String.format("S%03d", i))
                .filter(c -> !users.contains(c) && !reserves.contains(c))
                .findFirst()
                .orElseThrow();
        Api.as(world.assessorToken())
                .body(answer(notDrawn, 5))
                .post(path, evaluation)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("code"));
        Api.as(world.assessorToken())
                .body(answer(reserves.get(0), 5))
                .post(path, evaluation)
                .then()
                .statusCode(400);

        // one refusal, replaced by the first reserve (not the second)
        Api.as(world.assessorToken())
                .body(Map.of("code", users.get(0), "refused", true, "interviewedOn", "2022-11-12"))
                .post(path, evaluation)
                .then()
                .statusCode(201)
                .body("role", equalTo("SELECTED"));
        Api.as(world.assessorToken())
                .body(answer(reserves.get(1), 5))
                .post(path, evaluation)
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString(reserves.get(0)));
        Api.as(world.assessorToken())
                .body(answer(reserves.get(0), 3))
                .post(path, evaluation)
                .then()
                .statusCode(201)
                .body("role", equalTo("RESERVE"));
        for (int i = 1; i < 15; i++) {
            Api.as(world.assessorToken())
                    .body(answer(users.get(i), i % 2 == 0 ? 4 : 5))
                    .post(path, evaluation)
                    .then()
                    .statusCode(201);
        }
        for (String partner : partners) {
            Api.as(world.assessorToken())
                    .body(answer(partner, 5))
                    .post(path, evaluation)
                    .then()
                    .statusCode(201);
        }
        Api.as(world.assessorToken())
                .body(answer(partners.get(0), 1))
                .post(path, evaluation)
                .then()
                .statusCode(409);
        Map<String, Object> both = new HashMap<>(answer(users.get(1), 5));
        both.put("noAnswer", true);
        Api.as(world.assessorToken()).body(both).post(path, evaluation).then().statusCode(400);
        Api.as(world.assessorToken())
                .body(Map.of("code", users.get(2), "aware", true, "interviewedOn", "2022-11-12"))
                .post(path, evaluation)
                .then()
                .statusCode(400);
        Api.as(world.streetToken())
                .body(answer(users.get(3), 5))
                .post(path, evaluation)
                .then()
                .statusCode(403);

        // 20 valid answers, 19 satisfied: the 2022 report's 95 %
        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/samples/SATISFACTION/results", evaluation)
                .then()
                .statusCode(200)
                .body("overall.respondents", equalTo(20))
                .body("overall.refusals", equalTo(1))
                .body("overall.valid", equalTo(20))
                .body("overall.satisfied", equalTo(19))
                .body("overall.rate", equalTo("95.00"))
                .body("overall.quotasMet", equalTo(true));
        Api.as(world.auditorToken()).get(path, evaluation).then().body("items", hasSize(21));
        assertNotEquals(users.get(0), reserves.get(0));
    }

    private static Map<String, Object> answer(String code, int rating) {
        return Map.of("code", code, "rating", rating, "interviewedOn", "2022-11-12");
    }
}
