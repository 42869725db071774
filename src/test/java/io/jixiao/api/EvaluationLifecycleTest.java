package io.jixiao.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.jixiao.support.Api;
import io.jixiao.support.Scores;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(WorldExtension.class)
class EvaluationLifecycleTest {

    static World world;
    static World other;

    @Test
    void fullLifecycleFromDraftToFinalizedResultAndReopening() {
        String project = world.createProject("生命周期项目");
        String evaluation = world.createEvaluation(project, 2022, "MID_TERM");
        Api.as(world.bureauToken())
                .get("/v1/evaluations/{id}", evaluation)
                .then()
                .statusCode(200)
                .body("state", equalTo("DRAFT"))
                .body("weights.bureau", equalTo("10.00"))
                .body("weights.streetOffice", equalTo("20.00"))
                .body("weights.assessor", equalTo("70.00"))
                .body("disagreementThreshold", equalTo("15.00"))
                .body("purchaser", equalTo(world.streetOffice));

        // one per project, year and phase
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
                        world.assessor))
                .post("/v1/evaluations")
                .then()
                .statusCode(409);

        // the assessor does not see a draft, nor its project
        Api.as(world.assessorToken())
                .get("/v1/evaluations/{id}", evaluation)
                .then()
                .statusCode(404);
        Api.as(world.assessorToken()).get("/v1/projects/{id}", project).then().statusCode(404);
        // scores are refused before opening
        Api.as(world.bureauToken())
                .body(Scores.submission("BUREAU", "95", world.bureauToken()))
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(409)
                .body("currentState", equalTo("DRAFT"));

        Api.as(world.bureauToken())
                .post("/v1/evaluations/{id}/opening", evaluation)
                .then()
                .statusCode(428);
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .post("/v1/evaluations/{id}/opening", evaluation)
                .then()
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .header("ETag", "\"1\"");
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/opening", evaluation)
                .then()
                .statusCode(409)
                .body("currentState", equalTo("OPEN"));
        Api.as(world.assessorToken()).get("/v1/projects/{id}", project).then().statusCode(200);

        world.submit(evaluation, "BUREAU", "95");
        world.submit(evaluation, "STREET_OFFICE", "94");
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(409)
                .body("currentState", equalTo("OPEN"))
                .body("errors.field", contains("ASSESSOR"));
        world.submit(evaluation, "ASSESSOR", "92.5");

        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200)
                .body("state", equalTo("FINALIZED"))
                .body("total", equalTo("93.05"))
                .body("grade", equalTo("EXCELLENT"))
                .body("gradeLabel", equalTo("优秀"));

        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/result", evaluation)
                .then()
                .statusCode(200)
                .body("frozen", equalTo(true))
                .body("parties.score", contains("95.00", "94.00", "92.50"))
                .body("parties.contribution", contains("9.500000", "18.800000", "64.750000"))
                .body("totalExact", equalTo("93.050000"))
                .body("total", equalTo("93.05"))
                .body("missingParties", empty())
                .body("disagreement.flagged", equalTo(false))
                .body("disagreement.spread", equalTo("2.50"));

        // frozen: no score changes any more
        Api.as(world.streetToken())
                .header("If-Match", "\"0\"")
                .body(Scores.amendment("STREET_OFFICE", "80", "晚到的意见", world.streetToken()))
                .put("/v1/evaluations/{id}/submissions/STREET_OFFICE", evaluation)
                .then()
                .statusCode(409)
                .body("currentState", equalTo("FINALIZED"));

        Api.as(world.bureauToken())
                .header("If-Match", "\"2\"")
                .body(Map.of("reason", " "))
                .post("/v1/evaluations/{id}/reopening", evaluation)
                .then()
                .statusCode(400);
        Api.as(world.bureauToken())
                .header("If-Match", "\"2\"")
                .body(Map.of("reason", "审计发现计分有误"))
                .post("/v1/evaluations/{id}/reopening", evaluation)
                .then()
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("total", nullValue());

        Api.as(world.auditorToken())
                .get("/v1/evaluations/{id}/transitions", evaluation)
                .then()
                .statusCode(200)
                .body("items.action", contains("OPEN", "FINALIZE", "REOPEN"))
                .body("items[1].total", equalTo("93.05"))
                .body("items[2].reason", equalTo("审计发现计分有误"))
                .body("items[2].total", equalTo("93.05"))
                .body("items.actor", hasItem("bureau-" + world.bureau));
    }

    @Test
    void independenceUntilFinalization() {
        String evaluation = world.openEvaluation("FINAL");
        world.submit(evaluation, "BUREAU", "96");
        world.submit(evaluation, "STREET_OFFICE", "95");

        // a party sees its own submission; of the others only the status
        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/submissions/STREET_OFFICE", evaluation)
                .then()
                .statusCode(200)
                .body("score", equalTo("95.00"));
        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/submissions/BUREAU", evaluation)
                .then()
                .statusCode(404);
        Api.as(world.assessorToken())
                .get("/v1/evaluations/{id}/submissions/BUREAU/revisions", evaluation)
                .then()
                .statusCode(404);
        Api.as(world.auditorToken())
                .get("/v1/evaluations/{id}/submissions/BUREAU", evaluation)
                .then()
                .statusCode(404);
        Api.as(world.assessorToken())
                .get("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(200)
                .body("items.submitted", contains(true, true, false))
                .body("items[0].score", nullValue());
        Response result = Api.as(world.streetToken()).get("/v1/evaluations/{id}/result", evaluation);
        result.then()
                .statusCode(200)
                .body("frozen", equalTo(false))
                .body("parties.score", contains(null, "95.00", null))
                .body("total", nullValue())
                .body("grade", nullValue())
                .body("disagreement", nullValue())
                .body("missingParties", contains("ASSESSOR"));
        Api.as(world.bureauToken())
                .get("/v1/evaluations/{id}/result", evaluation)
                .then()
                .body("parties.score", contains("96.00", null, null))
                .body("disagreement.flagged", equalTo(false))
                .body("disagreement.spread", nullValue());

        world.submit(evaluation, "ASSESSOR", "93.5");
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200)
                .body("total", equalTo("94.05"));
        // after finalization everyone in scope sees everything
        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/submissions/ASSESSOR", evaluation)
                .then()
                .statusCode(200)
                .body("score", equalTo("93.50"))
                .body("scores", hasSize(14));
        Api.as(world.auditorToken())
                .get("/v1/evaluations/{id}/submissions/BUREAU", evaluation)
                .then()
                .statusCode(200);
    }

    @Test
    void onlyEachPartyScoresItsOwnPartAndOtherOrganisationsSeeNothing() {
        String evaluation = world.openEvaluation("MID_TERM");
        // right role, wrong party
        Api.as(world.bureauToken())
                .body(Scores.submission("ASSESSOR", "90", world.bureauToken()))
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(403);
        Api.as(world.streetToken())
                .body(Scores.submission("BUREAU", "90", world.streetToken()))
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(403);
        // another street office and another assessor organisation: it does not exist for them
        Api.as(world.otherStreetToken())
                .body(Scores.submission("STREET_OFFICE", "90", world.otherStreetToken()))
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(404);
        Api.as(world.otherAssessorToken())
                .body(Scores.submission("ASSESSOR", "90", world.otherAssessorToken()))
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(404);
        Api.as(world.otherAssessorToken())
                .get("/v1/evaluations/{id}", evaluation)
                .then()
                .statusCode(404);
        Api.as(other.bureauToken())
                .get("/v1/evaluations/{id}/result", evaluation)
                .then()
                .statusCode(404);
        Api.as(other.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(404);
        Api.as(world.auditorToken())
                .body(Scores.submission("ASSESSOR", "90", world.auditorToken()))
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(403);
        Api.as(world.auditorToken())
                .get("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(200)
                .body("items.submitted", contains(false, false, false));
        Api.as(other.assessorToken())
                .queryParam("limit", 100)
                .get("/v1/evaluations")
                .then()
                .body("items.id", not(hasItem(evaluation)));
    }

    @Test
    void scoreSheetsAreCheckedItemByItem() {
        String evaluation = world.openEvaluation("FINAL");
        List<Map<String, Object>> sheet = new ArrayList<>(Scores.totalling("BUREAU", "90", world.bureauToken()));
        sheet.set(0, Map.of("item", "B1.1", "score", "40.01"));
        sheet.set(1, Map.of("item", "A1.1", "score", "5"));
        sheet.add(Map.of("item", "B1.3", "score", "10"));
        Api.as(world.bureauToken())
                .body(Map.of("party", "BUREAU", "scores", sheet))
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        containsInAnyOrder("scores[0].score", "scores[1].item", "scores[3].item", "scores"));
        Api.as(world.bureauToken())
                .body(Map.of("party", "BUREAU", "scores", List.of(Map.of("item", "B1.1", "score", "39.999"))))
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(400)
                .body("errors.field", contains("scores[0].score"));
        Api.as(world.bureauToken())
                .get("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .body("items[0].submitted", equalTo(false));
    }

    @Test
    void amendmentsNeedAReasonAndTheCurrentETagAndKeepEveryRevision() {
        String evaluation = world.openEvaluation("MID_TERM");
        world.submit(evaluation, "ASSESSOR", "88");
        String path = "/v1/evaluations/{id}/submissions/ASSESSOR";
        Api.as(world.assessorToken())
                .body(Scores.submission("ASSESSOR", "89", world.assessorToken()))
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(409);
        Api.as(world.assessorToken())
                .body(Scores.amendment("ASSESSOR", "90", "补充材料", world.assessorToken()))
                .put(path, evaluation)
                .then()
                .statusCode(428);
        Map<String, Object> noReason = new HashMap<>(Scores.amendment("ASSESSOR", "90", "x", world.assessorToken()));
        noReason.remove("reason");
        Api.as(world.assessorToken())
                .header("If-Match", "\"0\"")
                .body(noReason)
                .put(path, evaluation)
                .then()
                .statusCode(400)
                .body("errors.field", contains("reason"));
        Api.as(world.assessorToken())
                .header("If-Match", "\"0\"")
                .body(Scores.amendment("ASSESSOR", "90", "补充核查服务记录", world.assessorToken()))
                .put(path, evaluation)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("revision", equalTo(2))
                .body("score", equalTo("90.00"));
        Api.as(world.assessorToken())
                .header("If-Match", "\"0\"")
                .body(Scores.amendment("ASSESSOR", "70", "过期的修改", world.assessorToken()))
                .put(path, evaluation)
                .then()
                .statusCode(412);
        Api.as(world.assessorToken())
                .get(path + "/revisions", evaluation)
                .then()
                .statusCode(200)
                .body("items.revision", contains(1, 2))
                .body("items.score", contains("88.00", "90.00"))
                .body("items[1].reason", equalTo("补充核查服务记录"));
    }

    @Test
    void disagreementAboveTheThresholdNeedsANoteToFinalize() {
        String evaluation = world.openEvaluation("FINAL");
        world.submit(evaluation, "BUREAU", "95");
        world.submit(evaluation, "STREET_OFFICE", "90");
        world.submit(evaluation, "ASSESSOR", "79.99");
        Api.as(world.bureauToken())
                .get("/v1/evaluations/{id}/result", evaluation)
                .then()
                .body("disagreement.flagged", equalTo(true));
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(400)
                .body("errors.field", contains("note"));
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .body(Map.of("note", "第三方现场核查发现服务记录不完整"))
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200)
                .body("total", equalTo("83.49"))
                .body("grade", equalTo("GOOD"));
        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/result", evaluation)
                .then()
                .body("disagreement.flagged", equalTo(true))
                .body("disagreement.spread", equalTo("15.01"))
                .body("note", equalTo("第三方现场核查发现服务记录不完整"));
    }

    @Test
    void creationChecksWeightsFrameworkAssessorAndWhoCreates() {
        String project = world.createProject("创建校验项目");
        Api.as(world.bureauToken())
                .body(Map.of(
                        "projectId",
                        project,
                        "fiscalYear",
                        2030,
                        "phase",
                        "FINAL",
                        "frameworkId",
                        java.util.UUID.randomUUID().toString(),
                        "assessor",
                        world.streetOffice,
                        "weights",
                        Map.of("bureau", "10", "streetOffice", "20", "assessor", "60")))
                .post("/v1/evaluations")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("frameworkId", "assessor", "weights", "fiscalYear"));
        Api.as(other.bureauToken())
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
                        world.assessor))
                .post("/v1/evaluations")
                .then()
                .statusCode(404);
        Api.as(world.bureauToken())
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
                        "weights",
                        Map.of("bureau", "15", "streetOffice", "15", "assessor", "70"),
                        "disagreementThreshold",
                        "10"))
                .post("/v1/evaluations")
                .then()
                .statusCode(201)
                .body("weights.bureau", equalTo("15.00"))
                .body("disagreementThreshold", equalTo("10.00"));
    }

    @Test
    void listsFilterAndStayInScope() {
        World own = World.create();
        String project = own.createProject("列表项目");
        String mid = own.createEvaluation(project, 2022, "MID_TERM");
        String fin = own.createEvaluation(project, 2022, "FINAL");
        Api.as(own.bureauToken())
                .header("If-Match", "\"0\"")
                .post("/v1/evaluations/{id}/opening", fin)
                .then()
                .statusCode(200);
        Api.as(own.streetToken())
                .queryParam("projectId", project)
                .get("/v1/evaluations")
                .then()
                .statusCode(200)
                .body("items.id", contains(mid, fin));
        Api.as(own.bureauToken())
                .queryParam("phase", "FINAL")
                .queryParam("district", own.district)
                .get("/v1/evaluations")
                .then()
                .body("items.id", contains(fin));
        Api.as(own.bureauToken())
                .queryParam("state", "DRAFT")
                .get("/v1/evaluations")
                .then()
                .body("items.id", contains(mid));
        Api.as(own.assessorToken()).get("/v1/evaluations").then().body("items.id", contains(fin));
        Api.as(own.otherStreetToken()).get("/v1/evaluations").then().body("items", empty());
        Api.as(own.bureauToken())
                .queryParam("grade", "EXCELLENT")
                .get("/v1/evaluations")
                .then()
                .body("items", empty());
        Api.as(own.streetToken())
                .queryParam("limit", 1)
                .get("/v1/evaluations")
                .then()
                .body("items", hasSize(1))
                .body("nextCursor", not(nullValue()));
    }
}
