package io.jixiao.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jixiao.common.security.Roles;
import io.jixiao.support.Api;
import io.jixiao.support.MovableClock;
import io.jixiao.support.Scores;
import io.jixiao.support.Tokens;
import io.jixiao.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The evaluated provider's side, end to end with real tokens: it reads its finalized result,
 * appeals within the window, the bureau rules; an upheld appeal reopens the evaluation citing
 * it and the re-scoring is on the record.
 */
@QuarkusTest
class AppealApiTest {

    World world;
    World foreign;

    @BeforeEach
    void setUp() {
        world = World.create();
        foreign = World.create();
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    /** A FINAL 2022 evaluation scored 93 / 90 / 87 (total 88.20, GOOD) and finalized. */
    private String finalized(String project) {
        String evaluation = world.openEvaluation(project, "FINAL");
        return submitAndFinalize(evaluation);
    }

    private String submitAndFinalize(String evaluation) {
        world.submit(evaluation, "BUREAU", "93");
        world.submit(evaluation, "STREET_OFFICE", "90");
        world.submit(evaluation, "ASSESSOR", "87");
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200)
                .body("total", equalTo("88.20"))
                .body("grade", equalTo("GOOD"));
        return evaluation;
    }

    private static Map<String, Object> appeal(Object... grounds) {
        return Map.of(
                "summary",
                "第三方评估对小组服务指标的计分未采纳我中心补交的活动记录。",
                "grounds",
                List.of(grounds),
                "evidence",
                List.of("附件1：2022年小组活动记录（6份）"));
    }

    private static Map<String, Object> ground(String target, String reference) {
        return Map.of("target", target, "reference", reference, "statement", "评估时已提交活动记录，评分表未予采纳。");
    }

    private String file(String evaluation) {
        return Api.as(world.providerToken())
                .body(appeal(ground("ITEM", "A5.2")))
                .post("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private JsonPath transitions(String evaluation) {
        return Api.as(world.auditorToken())
                .get("/v1/evaluations/{id}/transitions", evaluation)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void upheldAppealReopensTheEvaluationCitingItAndTheRescoringIsOnTheRecord() {
        String project = world.createProject("申诉项目");
        String evaluation = world.openEvaluation(project, "FINAL");

        // before finalization the provider sees its project, never the evaluation
        Api.as(world.providerToken()).get("/v1/projects/{id}", project).then().statusCode(200);
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}", evaluation)
                .then()
                .statusCode(404);
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/result", evaluation)
                .then()
                .statusCode(404);
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(404);
        Api.as(world.providerToken())
                .get("/v1/evaluations?projectId={p}", project)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));

        submitAndFinalize(evaluation);

        // the provider reads its result, with the appeal deadline, and the per-party scores
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/result", evaluation)
                .then()
                .statusCode(200)
                .body("total", equalTo("88.20"))
                .body("grade", equalTo("GOOD"))
                .body("parties", hasSize(3))
                .body("appealDeadline", notNullValue());
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}", evaluation)
                .then()
                .statusCode(200)
                .body("provider", equalTo(world.provider))
                .body("appealWindowDays", equalTo(10));
        Api.as(world.providerToken())
                .get("/v1/evaluations?projectId={p}", project)
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/submissions/ASSESSOR", evaluation)
                .then()
                .statusCode(200);
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/findings", evaluation)
                .then()
                .statusCode(200);
        // never samples: neither the roster, draw and responses nor the per-stratum results
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/samples/SATISFACTION", evaluation)
                .then()
                .statusCode(403);
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/samples/SATISFACTION/responses", evaluation)
                .then()
                .statusCode(403);
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/samples/SATISFACTION/results", evaluation)
                .then()
                .statusCode(403);

        // the provider appeals, citing an item and a party
        JsonPath filed = Api.as(world.providerToken())
                .body(appeal(ground("ITEM", "A5.2"), ground("PARTY", "ASSESSOR")))
                .post("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("OPEN"))
                .body("provider", equalTo(world.provider))
                .body("appealedTotal", equalTo("88.20"))
                .body("appealedGrade", equalTo("GOOD"))
                .body("grounds", hasSize(2))
                .body("ruling", nullValue())
                .extract()
                .jsonPath();
        String appeal = filed.getString("id");

        // the parties and auditors see it
        for (String token : List.of(
                world.bureauToken(),
                world.streetToken(),
                world.assessorToken(),
                world.auditorToken(),
                foreign.auditorToken())) {
            Api.as(token)
                    .get("/v1/evaluations/{id}/appeals", evaluation)
                    .then()
                    .statusCode(200)
                    .body("items.id", hasItem(appeal));
        }
        Api.as(foreign.bureauToken())
                .get("/v1/evaluations/{id}/appeals/{a}", evaluation, appeal)
                .then()
                .statusCode(404);
        Api.as(foreign.providerToken())
                .get("/v1/evaluations/{id}/appeals/{a}", evaluation, appeal)
                .then()
                .statusCode(404);

        // the bureau upholds it
        String rationale = "经核查小组活动记录共6份，第5.2项应予重新评分。";
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .body(Map.of("decision", "UPHELD", "rationale", rationale))
                .post("/v1/evaluations/{id}/appeals/{a}/ruling", evaluation, appeal)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("UPHELD"))
                .body("ruling.decision", equalTo("UPHELD"))
                .body("ruling.rationale", equalTo(rationale))
                .body("ruling.ruledBy", equalTo("bureau-" + world.bureau));

        // the evaluation is reopened through the ordinary reopening, citing the appeal
        Api.as(world.bureauToken())
                .get("/v1/evaluations/{id}", evaluation)
                .then()
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("total", nullValue())
                .header("ETag", "\"3\"");
        JsonPath reopened = transitions(evaluation);
        assertEquals(List.of("OPEN", "FINALIZE", "REOPEN"), reopened.getList("items.action"));
        assertEquals(appeal, reopened.getString("items[2].appealId"));
        assertEquals(rationale, reopened.getString("items[2].reason"));
        assertEquals("88.20", reopened.getString("items[2].total"));
        assertEquals("GOOD", reopened.getString("items[2].grade"));
        assertEquals(null, reopened.getString("items[1].appealId"));

        // while it is reopened the provider sees its appeal and its ruling, not the re-scoring
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/appeals/{a}", evaluation, appeal)
                .then()
                .statusCode(200)
                .body("status", equalTo("UPHELD"));
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}", evaluation)
                .then()
                .statusCode(404);
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/submissions/ASSESSOR", evaluation)
                .then()
                .statusCode(404);

        // the assessor amends with a reason, the bureau finalizes again with a new total
        Api.as(world.assessorToken())
                .header("If-Match", "\"0\"")
                .body(Scores.amendment("ASSESSOR", "95", "申诉成立：小组活动记录经核查予以采纳", world.assessorToken()))
                .put("/v1/evaluations/{id}/submissions/ASSESSOR", evaluation)
                .then()
                .statusCode(200);
        Api.as(world.bureauToken())
                .header("If-Match", "\"3\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200)
                .body("total", equalTo("93.80"))
                .body("grade", equalTo("EXCELLENT"));

        JsonPath history = transitions(evaluation);
        assertEquals(List.of("OPEN", "FINALIZE", "REOPEN", "FINALIZE"), history.getList("items.action"));
        assertEquals("88.20", history.getString("items[1].total"));
        assertEquals("88.20", history.getString("items[2].total"));
        assertEquals("93.80", history.getString("items[3].total"));
        assertEquals("EXCELLENT", history.getString("items[3].grade"));

        // the provider reads the new result; the revision with its reason is on the record
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/result", evaluation)
                .then()
                .statusCode(200)
                .body("total", equalTo("93.80"))
                .body("grade", equalTo("EXCELLENT"));
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/submissions/ASSESSOR/revisions", evaluation)
                .then()
                .statusCode(200)
                .body("items", hasSize(2));
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/transitions", evaluation)
                .then()
                .statusCode(200)
                .body("items[2].appealId", equalTo(appeal));
    }

    @Test
    void rejectedAppealLeavesTheResultAsItIs() {
        String evaluation = finalized(world.createProject("驳回项目"));
        String appeal = Api.as(world.providerToken())
                .body(appeal(ground("PARTY", "BUREAU")))
                .post("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String rationale = "区民政局评分依据季度督导记录，理由充分，维持原评分。";
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .body(Map.of("decision", "REJECTED", "rationale", rationale))
                .post("/v1/evaluations/{id}/appeals/{a}/ruling", evaluation, appeal)
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("ruling.decision", equalTo("REJECTED"))
                .body("ruling.rationale", equalTo(rationale));

        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}", evaluation)
                .then()
                .statusCode(200)
                .body("state", equalTo("FINALIZED"))
                .body("total", equalTo("88.20"))
                .header("ETag", "\"2\"");
        assertEquals(List.of("OPEN", "FINALIZE"), transitions(evaluation).getList("items.action"));
        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/appeals/{a}", evaluation, appeal)
                .then()
                .statusCode(200)
                .body("ruling.rationale", equalTo(rationale));

        // ruled once: a second ruling is refused and changes nothing
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .body(Map.of("decision", "UPHELD", "rationale", "改判"))
                .post("/v1/evaluations/{id}/appeals/{a}/ruling", evaluation, appeal)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://jixiao.example.gov.cn/problems/invalid-state"))
                .body("currentState", equalTo("REJECTED"));
        Api.as(world.bureauToken())
                .get("/v1/evaluations/{id}/appeals/{a}", evaluation, appeal)
                .then()
                .body("status", equalTo("REJECTED"))
                .header("ETag", "\"1\"");
        assertEquals(List.of("OPEN", "FINALIZE"), transitions(evaluation).getList("items.action"));
    }

    @Test
    void refusalsAreClearProblemsAndChangeNothing() {
        String project = world.createProject("拒绝项目");
        String open = world.openEvaluation(project, "MID_TERM");

        // not finalized
        Api.as(world.providerToken())
                .body(appeal(ground("ITEM", "A5.2")))
                .post("/v1/evaluations/{id}/appeals", open)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://jixiao.example.gov.cn/problems/invalid-state"))
                .body("currentState", equalTo("OPEN"));

        String evaluation = finalized(project);

        // a provider that does not run the project, and other roles
        Api.as(foreign.providerToken())
                .body(appeal(ground("ITEM", "A5.2")))
                .post("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(404);
        for (String token :
                List.of(world.bureauToken(), world.streetToken(), world.assessorToken(), world.auditorToken())) {
            Api.as(token)
                    .body(appeal(ground("ITEM", "A5.2")))
                    .post("/v1/evaluations/{id}/appeals", evaluation)
                    .then()
                    .statusCode(403);
        }
        // a provider role acting for another organisation (e.g. the purchaser's code) finds nothing
        Api.as(Tokens.of("impostor", Roles.PROVIDER, world.streetOffice))
                .body(appeal(ground("ITEM", "A5.2")))
                .post("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(404);

        // grounds must reference this evaluation's items, parties and findings
        Api.as(world.providerToken())
                .body(appeal(
                        ground("ITEM", "Z9.9"),
                        ground("PARTY", "PROVIDER"),
                        ground("FINDING", "3c9e1a70-2b4d-4f6e-8a1c-5d7e9f0b2c41"),
                        ground("FINDING", "not-an-id")))
                .post("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        equalTo(List.of(
                                "grounds[0].reference",
                                "grounds[1].reference",
                                "grounds[2].reference",
                                "grounds[3].reference")));
        Api.as(world.providerToken())
                .body(Map.of("summary", "无理由", "grounds", List.of()))
                .post("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(400);
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));

        // one open appeal at a time; the same Idempotency-Key replays the first
        String first = Api.as(world.providerToken())
                .header("Idempotency-Key", "appeal-key-0001")
                .body(appeal(ground("ITEM", "A5.2")))
                .post("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(world.providerToken())
                .header("Idempotency-Key", "appeal-key-0001")
                .body(appeal(ground("ITEM", "A5.2")))
                .post("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(201)
                .body("id", equalTo(first));
        Api.as(world.providerToken())
                .body(appeal(ground("PARTY", "STREET_OFFICE")))
                .post("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://jixiao.example.gov.cn/problems/conflict"));
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(200)
                .body("items", hasSize(1));

        // only the evaluation's bureau rules, with the appeal's current ETag and a rationale
        Map<String, Object> ruling = Map.of("decision", "UPHELD", "rationale", "理由成立");
        for (String token :
                List.of(world.streetToken(), world.assessorToken(), world.auditorToken(), world.providerToken())) {
            Api.as(token)
                    .header("If-Match", "\"0\"")
                    .body(ruling)
                    .post("/v1/evaluations/{id}/appeals/{a}/ruling", evaluation, first)
                    .then()
                    .statusCode(403);
        }
        Api.as(foreign.bureauToken())
                .header("If-Match", "\"0\"")
                .body(ruling)
                .post("/v1/evaluations/{id}/appeals/{a}/ruling", evaluation, first)
                .then()
                .statusCode(404);
        Api.as(world.bureauToken())
                .body(ruling)
                .post("/v1/evaluations/{id}/appeals/{a}/ruling", evaluation, first)
                .then()
                .statusCode(428);
        Api.as(world.bureauToken())
                .header("If-Match", "\"7\"")
                .body(ruling)
                .post("/v1/evaluations/{id}/appeals/{a}/ruling", evaluation, first)
                .then()
                .statusCode(412);
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .body(Map.of("decision", "UPHELD", "rationale", "  "))
                .post("/v1/evaluations/{id}/appeals/{a}/ruling", evaluation, first)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("rationale"));
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .body(ruling)
                .post("/v1/evaluations/{id}/appeals/{a}/ruling", open, first)
                .then()
                .statusCode(404);

        // nothing changed
        Api.as(world.bureauToken())
                .get("/v1/evaluations/{id}/appeals/{a}", evaluation, first)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .header("ETag", "\"0\"");
        Api.as(world.bureauToken())
                .get("/v1/evaluations/{id}", evaluation)
                .then()
                .body("state", equalTo("FINALIZED"))
                .header("ETag", "\"2\"");
        assertEquals(List.of("OPEN", "FINALIZE"), transitions(evaluation).getList("items.action"));
    }

    @Test
    void aGroundMayCiteAFindingOfTheEvaluation() {
        String project = world.createProject("问题申诉项目");
        String evaluation = world.openEvaluation(project, "MID_TERM");
        String finding = Api.as(world.assessorToken())
                .body(Map.of(
                        "kind", "FINDING", "category", "PROJECT_MANAGEMENT", "title", "宣传力度不足", "text", "未能及时总结服务成效。"))
                .post("/v1/evaluations/{id}/findings", evaluation)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        submitAndFinalize(evaluation);
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/findings", evaluation)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(finding));
        Api.as(world.providerToken())
                .body(appeal(ground("FINDING", finding)))
                .post("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(201)
                .body("grounds[0].target", equalTo("FINDING"))
                .body("grounds[0].reference", equalTo(finding));
    }

    @Test
    void theWindowEndsAtTheLastSecondOfItsLastDayChinaTime() {
        // finalized on 2026-03-10 10:00 Beijing time: the default window ends 2026-03-20 23:59:59 +08:00
        MovableClock.set(Instant.parse("2026-03-10T02:00:00Z"));
        String project = world.createProject("申诉期限项目");
        String evaluation = finalized(project);
        Instant deadline = Instant.parse("2026-03-20T15:59:59Z");
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/result", evaluation)
                .then()
                .statusCode(200)
                .body("appealDeadline", equalTo("2026-03-20T15:59:59Z"));

        // the last second inside (its last microsecond)
        MovableClock.set(deadline.plusMillis(999).plusNanos(999_000));
        String appeal = file(evaluation);
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .body(Map.of("decision", "REJECTED", "rationale", "理由不成立"))
                .post("/v1/evaluations/{id}/appeals/{a}/ruling", evaluation, appeal)
                .then()
                .statusCode(200);

        // the first second outside
        MovableClock.set(deadline.plusSeconds(1));
        Api.as(world.providerToken())
                .body(appeal(ground("ITEM", "A5.2")))
                .post("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://jixiao.example.gov.cn/problems/invalid-state"))
                .body("currentState", equalTo("APPEAL_WINDOW_CLOSED"));
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .body("items", hasSize(1));
    }

    @Test
    void theBureauSetsAnotherWindowPerEvaluation() {
        // finalized just after midnight Beijing time (16:30 UTC the day before): the day counts in China
        MovableClock.set(Instant.parse("2026-03-09T16:30:00Z"));
        String project = world.createProject("三日申诉期项目");
        String evaluation = Api.as(world.bureauToken())
                .body(Map.of(
                        "projectId",
                        project,
                        "fiscalYear",
                        2022,
                        "phase",
                        "FINAL",
                        "frameworkId",
                        Scores.DEFAULT_FRAMEWORK,
                        "assessor",
                        world.assessor,
                        "appealWindowDays",
                        3))
                .post("/v1/evaluations")
                .then()
                .statusCode(201)
                .body("appealWindowDays", equalTo(3))
                .extract()
                .path("id");
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .post("/v1/evaluations/{id}/opening", evaluation)
                .then()
                .statusCode(200);
        submitAndFinalize(evaluation);
        Api.as(world.providerToken())
                .get("/v1/evaluations/{id}/result", evaluation)
                .then()
                .body("appealDeadline", equalTo("2026-03-13T15:59:59Z"));

        MovableClock.set(Instant.parse("2026-03-13T16:00:00Z"));
        Api.as(world.providerToken())
                .body(appeal(ground("ITEM", "A5.2")))
                .post("/v1/evaluations/{id}/appeals", evaluation)
                .then()
                .statusCode(409);
        MovableClock.set(Instant.parse("2026-03-13T15:59:59Z"));
        file(evaluation);

        Api.as(world.bureauToken())
                .body(Map.of(
                        "projectId",
                        project,
                        "fiscalYear",
                        2022,
                        "phase",
                        "MID_TERM",
                        "frameworkId",
                        Scores.DEFAULT_FRAMEWORK,
                        "assessor",
                        world.assessor,
                        "appealWindowDays",
                        0))
                .post("/v1/evaluations")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("appealWindowDays"));
    }

    @Test
    void theProviderSeesOnlyTheProjectsItRuns() {
        String project = world.createProject("承接项目");
        Api.as(world.providerToken()).get("/v1/projects").then().statusCode(200).body("items.id", hasItem(project));
        Api.as(foreign.providerToken())
                .get("/v1/projects")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(project)));
        Api.as(foreign.providerToken()).get("/v1/projects/{id}", project).then().statusCode(404);
        Api.as(world.providerToken()).get("/v1/me").then().statusCode(200).body("roles", equalTo(List.of("provider")));
        // it changes nothing of the project, and sees no indicators or yearly evidence
        Api.as(world.providerToken())
                .get("/v1/projects/{id}/indicators/2022", project)
                .then()
                .statusCode(403);
        Api.as(world.providerToken())
                .get("/v1/projects/{id}/evidence/2022", project)
                .then()
                .statusCode(403);
    }
}
