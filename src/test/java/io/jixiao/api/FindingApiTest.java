package io.jixiao.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.jixiao.support.Api;
import io.jixiao.support.Scores;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(WorldExtension.class)
class FindingApiTest {

    static World world;

    private static String open(String project, String phase) {
        String evaluation = world.createEvaluation(project, 2022, phase);
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .post("/v1/evaluations/{id}/opening", evaluation)
                .then()
                .statusCode(200);
        return evaluation;
    }

    private static void scoreAll(String evaluation) {
        world.submit(evaluation, "BUREAU", "95");
        world.submit(evaluation, "STREET_OFFICE", "94");
        world.submit(evaluation, "ASSESSOR", "93");
    }

    @Test
    void aMidTermFindingMustBeRectifiedBeforeTheFinalEvaluationIsFinalized() {
        String project = world.createProject("整改项目");
        String midTerm = open(project, "MID_TERM");
        String finding = Api.as(world.assessorToken())
                .body(Map.of(
                        "kind",
                        "FINDING",
                        "category",
                        "PROJECT_MANAGEMENT",
                        "title",
                        "项目的研究和宣传力度有待加强",
                        "text",
                        "未能及时对服务的效果、服务模式等内容进行总结和反思。"))
                .post("/v1/evaluations/{id}/findings", midTerm)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(world.bureauToken())
                .body(Map.of(
                        "kind",
                        "RECOMMENDATION",
                        "category",
                        "PROJECT_MANAGEMENT",
                        "title",
                        "做好年度宣传计划",
                        "text",
                        "计划要求全街覆盖，进一步扩大社工服务的知晓度和满意度。",
                        "addresses",
                        finding))
                .post("/v1/evaluations/{id}/findings", midTerm)
                .then()
                .statusCode(201);
        Api.as(world.streetToken())
                .body(Map.of("kind", "FINDING", "category", "OTHER", "title", "x", "text", "x"))
                .post("/v1/evaluations/{id}/findings", midTerm)
                .then()
                .statusCode(403);
        Api.as(world.auditorToken())
                .get("/v1/evaluations/{id}/findings", midTerm)
                .then()
                .statusCode(200)
                .body("items.kind", contains("FINDING", "RECOMMENDATION"))
                .body("items[1].addresses", equalTo(finding));
        Api.as(world.auditorToken())
                .get("/v1/evaluations/{id}/rectifications", midTerm)
                .then()
                .statusCode(409);
        scoreAll(midTerm);
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", midTerm)
                .then()
                .statusCode(200);

        String fin = open(project, "FINAL");
        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/rectifications", fin)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].finding.id", equalTo(finding))
                .body("items[0].midTermEvaluationId", equalTo(midTerm))
                .body("items[0].status", nullValue());
        scoreAll(fin);
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", fin)
                .then()
                .statusCode(409)
                .body("currentState", equalTo("OPEN"))
                .body("errors[0].field", equalTo(finding));

        Api.as(world.assessorToken())
                .body(Map.of("status", "PARTIALLY_RESOLVED", "evidence", "已制定年度宣传计划"))
                .put("/v1/evaluations/{id}/rectifications/{f}", fin, finding)
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"");
        Api.as(world.assessorToken())
                .body(Map.of("status", "RESOLVED", "evidence", "已完成典型案例总结"))
                .put("/v1/evaluations/{id}/rectifications/{f}", fin, finding)
                .then()
                .statusCode(428);
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .body(Map.of("status", "RESOLVED", "evidence", "已完成典型案例总结"))
                .put("/v1/evaluations/{id}/rectifications/{f}", fin, finding)
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"));
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .body(Map.of("status", "RESOLVED", "evidence", "x"))
                .put("/v1/evaluations/{id}/rectifications/{f}", fin, java.util.UUID.randomUUID())
                .then()
                .statusCode(404);
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", fin)
                .then()
                .statusCode(200)
                .body("grade", equalTo("EXCELLENT"));
    }

    @Test
    void findingsAreRecordedOnlyWhileOpenAndRecommendationsAddressFindingsOfTheSameEvaluation() {
        String project = world.createProject("问题项目");
        String draft = world.createEvaluation(project, 2022, "MID_TERM");
        Api.as(world.bureauToken())
                .body(Map.of("kind", "FINDING", "category", "POLICY", "title", "t", "text", "t"))
                .post("/v1/evaluations/{id}/findings", draft)
                .then()
                .statusCode(409);
        String fin = open(project, "FINAL");
        Api.as(world.assessorToken())
                .body(Map.of(
                        "kind",
                        "RECOMMENDATION",
                        "category",
                        "POLICY",
                        "title",
                        "t",
                        "text",
                        "t",
                        "addresses",
                        java.util.UUID.randomUUID().toString()))
                .post("/v1/evaluations/{id}/findings", fin)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("addresses"));
        Api.as(world.assessorToken())
                .body(Map.of("kind", "FINDING", "category", "SOMETHING", "title", "t", "text", "t"))
                .post("/v1/evaluations/{id}/findings", fin)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("category"));
        Api.as(world.otherAssessorToken())
                .get("/v1/evaluations/{id}/findings", fin)
                .then()
                .statusCode(404);
        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/rectifications", fin)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        Scores.maxima("BUREAU", world.bureauToken());
    }
}
