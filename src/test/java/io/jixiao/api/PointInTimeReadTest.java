package io.jixiao.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jixiao.support.Api;
import io.jixiao.support.MovableClock;
import io.jixiao.support.Scores;
import io.jixiao.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Point-in-time reads ({@code asOf}) of an evaluation, its submissions and its result: what a
 * reader with the same rights saw then — amended scores, reopened results, upheld appeals — with
 * scope and independence as of that instant. The clock is moved step by step so that every
 * change has its own instant.
 */
@QuarkusTest
class PointInTimeReadTest {

    static final Instant CREATED = Instant.parse("2026-04-01T01:00:00Z");
    static final Instant OPENED = Instant.parse("2026-04-01T02:00:00Z");
    static final Instant SUBMITTED = Instant.parse("2026-04-02T01:00:00Z");
    static final Instant AMENDED = Instant.parse("2026-04-03T01:00:00Z");
    static final Instant FINALIZED = Instant.parse("2026-04-04T01:00:00Z");
    static final Instant REOPENED = Instant.parse("2026-04-05T01:00:00Z");
    static final Instant REAMENDED = Instant.parse("2026-04-06T01:00:00Z");
    static final Instant REFINALIZED = Instant.parse("2026-04-07T01:00:00Z");
    static final Instant APPEALED = Instant.parse("2026-04-08T01:00:00Z");
    static final Instant UPHELD = Instant.parse("2026-04-09T01:00:00Z");
    static final Instant NOW = Instant.parse("2026-04-10T01:00:00Z");

    World world;
    String evaluation;

    /** What the auditor read live right after the first finalization, before the reopening. */
    Map<String, Object> liveEvaluation;

    Map<String, Object> liveResult;

    @BeforeEach
    void setUp() {
        world = World.create();
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    /** Opened, scored 93 / 90 / 87, the assessor amends to 80, finalized (83.30), reopened, 95, finalized (93.80). */
    private void history() {
        MovableClock.set(CREATED);
        String project = world.createProject("时点查询项目");
        evaluation = world.createEvaluation(project, 2022, "FINAL");
        MovableClock.set(OPENED);
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .post("/v1/evaluations/{id}/opening", evaluation)
                .then()
                .statusCode(200);
        MovableClock.set(SUBMITTED);
        world.submit(evaluation, "BUREAU", "93");
        world.submit(evaluation, "STREET_OFFICE", "90");
        world.submit(evaluation, "ASSESSOR", "87");
        MovableClock.set(AMENDED);
        amendAssessor("80", "\"0\"");
        MovableClock.set(FINALIZED);
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200)
                .body("total", equalTo("83.30"));
        liveEvaluation = Api.as(world.auditorToken())
                .get("/v1/evaluations/{id}", evaluation)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        liveResult = Api.as(world.auditorToken())
                .get("/v1/evaluations/{id}/result", evaluation)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        MovableClock.set(REOPENED);
        Api.as(world.bureauToken())
                .header("If-Match", "\"2\"")
                .body(Map.of("reason", "第三方评估补充核查个案记录"))
                .post("/v1/evaluations/{id}/reopening", evaluation)
                .then()
                .statusCode(200);
        MovableClock.set(REAMENDED);
        amendAssessor("95", "\"1\"");
        MovableClock.set(REFINALIZED);
        Api.as(world.bureauToken())
                .header("If-Match", "\"3\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200)
                .body("total", equalTo("93.80"));
        MovableClock.set(NOW);
    }

    private void amendAssessor(String total, String ifMatch) {
        Api.as(world.assessorToken())
                .header("If-Match", ifMatch)
                .body(Scores.amendment("ASSESSOR", total, "补充核查个案记录", world.assessorToken()))
                .put("/v1/evaluations/{id}/submissions/ASSESSOR", evaluation)
                .then()
                .statusCode(200);
    }

    private static String hourAfter(Instant instant) {
        return instant.plusSeconds(3600).toString();
    }

    private ValidatableResponse get(String token, String path, Object asOf) {
        return Api.as(token).queryParam("asOf", asOf).get(path, evaluation).then();
    }

    @Test
    void asOfBeforeAndAfterAnAmendmentAndAfterAReopeningReturnsTheOldThenTheNewScores() {
        history();
        String auditor = world.auditorToken();
        String assessor = world.assessorToken();

        // the assessor's own submission: 87 as first submitted, 80 once amended, 95 after the reopening
        get(assessor, "/v1/evaluations/{id}/submissions/ASSESSOR", hourAfter(SUBMITTED))
                .statusCode(200)
                .header("ETag", nullValue())
                .body("revision", equalTo(1))
                .body("score", equalTo("87.00"))
                .body("version", equalTo(0));
        get(assessor, "/v1/evaluations/{id}/submissions/ASSESSOR", hourAfter(AMENDED))
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("score", equalTo("80.00"))
                .body("reason", equalTo("补充核查个案记录"));
        get(assessor, "/v1/evaluations/{id}/submissions/ASSESSOR", hourAfter(REAMENDED))
                .statusCode(200)
                .body("revision", equalTo(3))
                .body("score", equalTo("95.00"))
                .body("version", equalTo(2));
        get(assessor, "/v1/evaluations/{id}/submissions/ASSESSOR/revisions", hourAfter(AMENDED))
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.score", equalTo(List.of("87.00", "80.00")))
                .body("items.version", equalTo(List.of(1, 1)));
        get(auditor, "/v1/evaluations/{id}/submissions", hourAfter(AMENDED))
                .statusCode(200)
                .body("items.revision", equalTo(List.of(1, 1, 2)))
                .body("items.submitted", equalTo(List.of(true, true, true)));
        get(auditor, "/v1/evaluations/{id}/submissions", hourAfter(OPENED))
                .statusCode(200)
                .body("items.submitted", equalTo(List.of(false, false, false)));

        // the first finalization, as it stood before the reopening: 9.30 + 18.00 + 56.00
        get(auditor, "/v1/evaluations/{id}", hourAfter(FINALIZED))
                .statusCode(200)
                .header("ETag", nullValue())
                .body("state", equalTo("FINALIZED"))
                .body("total", equalTo("83.30"))
                .body("grade", equalTo("GOOD"))
                .body("version", equalTo(2))
                .body("updatedAt", equalTo("2026-04-04T01:00:00Z"));
        get(auditor, "/v1/evaluations/{id}/result", hourAfter(FINALIZED))
                .statusCode(200)
                .body("state", equalTo("FINALIZED"))
                .body("frozen", equalTo(true))
                .body("total", equalTo("83.30"))
                .body("totalExact", equalTo("83.300000"))
                .body("parties.score", equalTo(List.of("93.00", "90.00", "80.00")))
                .body("disagreement.spread", equalTo("13.00"))
                .body("finalizedAt", equalTo("2026-04-04T01:00:00Z"))
                .body("finalizedBy", equalTo("bureau-" + world.bureau))
                .body("appealDeadline", equalTo("2026-04-14T15:59:59Z"));
        // exactly what was read then, field for field
        assertEquals(
                liveEvaluation,
                get(auditor, "/v1/evaluations/{id}", hourAfter(FINALIZED))
                        .extract()
                        .jsonPath()
                        .getMap(""));
        assertEquals(
                liveResult,
                get(auditor, "/v1/evaluations/{id}/result", hourAfter(FINALIZED))
                        .extract()
                        .jsonPath()
                        .getMap(""));
        get(auditor, "/v1/evaluations/{id}/submissions/ASSESSOR", hourAfter(FINALIZED))
                .statusCode(200)
                .body("score", equalTo("80.00"));

        // reopened: no total, provisional, the scores again independent
        get(auditor, "/v1/evaluations/{id}", hourAfter(REOPENED))
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("total", nullValue())
                .body("version", equalTo(3));
        get(auditor, "/v1/evaluations/{id}/result", hourAfter(REOPENED))
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("frozen", equalTo(false))
                .body("total", nullValue())
                .body("parties.score", equalTo(java.util.Arrays.asList(null, null, null)))
                .body("disagreement.flagged", equalTo(false));
        get(assessor, "/v1/evaluations/{id}/result", hourAfter(REOPENED))
                .statusCode(200)
                .body("parties[2].score", equalTo("80.00"));

        // the second finalization: 9.30 + 18.00 + 66.50, as the live read answers it
        get(auditor, "/v1/evaluations/{id}/result", hourAfter(REFINALIZED))
                .statusCode(200)
                .body("total", equalTo("93.80"))
                .body("grade", equalTo("EXCELLENT"))
                .body("parties.score", equalTo(List.of("93.00", "90.00", "95.00")));
        Api.as(auditor)
                .get("/v1/evaluations/{id}", evaluation)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"4\""))
                .body("version", equalTo(4));
        get(auditor, "/v1/evaluations/{id}", NOW.toString()).statusCode(200).body("version", equalTo(4));
        // an instant with an offset (the + percent-encoded): 2026-04-04T02:00:00Z
        get(auditor, "/v1/evaluations/{id}", "2026-04-04T10:00:00+08:00")
                .statusCode(200)
                .body("total", equalTo("83.30"));
        // an empty asOf is no asOf
        get(auditor, "/v1/evaluations/{id}", "")
                .statusCode(200)
                .header("ETag", equalTo("\"4\""))
                .body("total", equalTo("93.80"));
    }

    @Test
    void beforeTheEvaluationExistedThereIsNothingToRead() {
        history();
        for (String path : List.of(
                "/v1/evaluations/{id}",
                "/v1/evaluations/{id}/result",
                "/v1/evaluations/{id}/submissions",
                "/v1/evaluations/{id}/submissions/BUREAU",
                "/v1/evaluations/{id}/submissions/BUREAU/revisions")) {
            get(world.auditorToken(), path, CREATED.minusSeconds(1).toString()).statusCode(404);
        }
        get(world.auditorToken(), "/v1/evaluations/{id}", CREATED.toString())
                .statusCode(200)
                .body("state", equalTo("DRAFT"))
                .body("version", equalTo(0));
        // a party that had not yet submitted has no submission then
        get(world.bureauToken(), "/v1/evaluations/{id}/submissions/BUREAU", hourAfter(OPENED))
                .statusCode(404);
    }

    @Test
    void scopeIsThatOfTheInstant() {
        history();
        // the provider sees the evaluation only while it was finalized
        get(world.providerToken(), "/v1/evaluations/{id}", hourAfter(SUBMITTED)).statusCode(404);
        get(world.providerToken(), "/v1/evaluations/{id}/result", hourAfter(FINALIZED))
                .statusCode(200)
                .body("total", equalTo("83.30"));
        get(world.providerToken(), "/v1/evaluations/{id}/submissions/ASSESSOR", hourAfter(FINALIZED))
                .statusCode(200)
                .body("score", equalTo("80.00"));
        get(world.providerToken(), "/v1/evaluations/{id}", hourAfter(REOPENED)).statusCode(404);
        get(world.providerToken(), "/v1/evaluations/{id}/submissions", hourAfter(REOPENED))
                .statusCode(404);

        // the assessor does not see the draft; the street office does
        get(
                        world.assessorToken(),
                        "/v1/evaluations/{id}",
                        CREATED.plusSeconds(60).toString())
                .statusCode(404);
        get(world.streetToken(), "/v1/evaluations/{id}", CREATED.plusSeconds(60).toString())
                .statusCode(200)
                .body("state", equalTo("DRAFT"));

        // independence: the street office sees the assessor's scores now, not as of the reopening
        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/submissions/ASSESSOR", evaluation)
                .then()
                .statusCode(200);
        get(world.streetToken(), "/v1/evaluations/{id}/submissions/ASSESSOR", hourAfter(REOPENED))
                .statusCode(404);
        get(world.streetToken(), "/v1/evaluations/{id}/submissions/ASSESSOR/revisions", hourAfter(AMENDED))
                .statusCode(404);
        get(world.streetToken(), "/v1/evaluations/{id}/submissions/STREET_OFFICE", hourAfter(REOPENED))
                .statusCode(200)
                .body("score", equalTo("90.00"));
        get(world.streetToken(), "/v1/evaluations/{id}/result", hourAfter(REOPENED))
                .statusCode(200)
                .body("parties[1].score", equalTo("90.00"))
                .body("parties[2].score", nullValue())
                .body("parties[2].submitted", equalTo(true))
                .body("disagreement", nullValue());

        // another organisation sees nothing, then or now
        get(world.otherStreetToken(), "/v1/evaluations/{id}", hourAfter(FINALIZED))
                .statusCode(404);
        get(world.otherAssessorToken(), "/v1/evaluations/{id}/result", hourAfter(FINALIZED))
                .statusCode(404);
    }

    @Test
    void anUpheldAppealIsOnTheRecordAsOfItsRuling() {
        history();
        MovableClock.set(APPEALED);
        String appeal = Api.as(world.providerToken())
                .body(Map.of(
                        "summary",
                        "第三方评估对个案服务的计分未采纳补交的个案记录。",
                        "grounds",
                        List.of(Map.of("target", "ITEM", "reference", "A5.1", "statement", "评估时已提交12份个案记录。"))))
                .post("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        MovableClock.set(UPHELD);
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .body(Map.of("decision", "UPHELD", "rationale", "经核查个案记录共12份，第5.1项应予重新评分。"))
                .post("/v1/evaluations/{id}/appeals/{a}/ruling", evaluation, appeal)
                .then()
                .statusCode(200);
        MovableClock.set(NOW);

        get(world.providerToken(), "/v1/evaluations/{id}/result", hourAfter(APPEALED))
                .statusCode(200)
                .body("total", equalTo("93.80"))
                .body("finalizedAt", equalTo("2026-04-07T01:00:00Z"));
        get(world.auditorToken(), "/v1/evaluations/{id}", hourAfter(UPHELD))
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("total", nullValue())
                .body("version", equalTo(5));
        get(world.providerToken(), "/v1/evaluations/{id}/result", hourAfter(UPHELD))
                .statusCode(404);
    }

    @Test
    void asOfMustBeAnRfc3339InstantThatIsNotInTheFuture() {
        MovableClock.set(CREATED);
        evaluation = world.openEvaluation("FINAL");
        MovableClock.set(NOW);
        for (String bad : List.of(
                "2026-04-02", "2026-04-02T10:00:00", "2026-04-02T10:00Z", "2026-04-02 10:00:00Z", "yesterday")) {
            for (String path : List.of(
                    "/v1/evaluations/{id}",
                    "/v1/evaluations/{id}/result",
                    "/v1/evaluations/{id}/submissions",
                    "/v1/evaluations/{id}/submissions/BUREAU",
                    "/v1/evaluations/{id}/submissions/BUREAU/revisions")) {
                get(world.auditorToken(), path, bad)
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", hasItem("asOf"));
            }
        }
        get(world.auditorToken(), "/v1/evaluations/{id}", NOW.plusSeconds(1).toString())
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"))
                .body("errors[0].message", notNullValue());
        get(
                        world.auditorToken(),
                        "/v1/evaluations/{id}/result",
                        NOW.plusSeconds(86_400).toString())
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }
}
