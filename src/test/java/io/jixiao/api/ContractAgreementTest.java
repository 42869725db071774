package io.jixiao.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.jixiao.support.Api;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the contract and the server once disagreed, they say the same thing now. */
@QuarkusTest
@ExtendWith(WorldExtension.class)
class ContractAgreementTest {

    static World world;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2018-10-16T00:00:00Z",
                "2018-10-16T08:00:00",
                "2018-10-16T00:00:00+08:00",
                "2018-02-30",
                "2018-1-5"
            })
    void aDateIsADateNotADateTime(String contractStart) {
        Map<String, Object> body = new HashMap<>(world.projectBody("日期探测"));
        body.put("contractStart", contractStart);
        Api.as(world.streetToken())
                .body(body)
                .post("/v1/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("contractStart"));
    }

    @Test
    void aDateTimeForTheInterviewDateIsRefusedNotShiftedToUtc() {
        String evaluation = world.openEvaluation("FINAL");
        Api.raw()
                .auth()
                .oauth2(world.assessorToken())
                .contentType("text/csv")
                .header("If-Match", "\"0\"")
                .body("code,stratum\nS01,SERVICE_USER\n")
                .put("/v1/evaluations/{id}/samples/SATISFACTION/roster", evaluation)
                .then()
                .statusCode(200);
        Api.as(world.assessorToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/samples/SATISFACTION/draw", evaluation)
                .then()
                .statusCode(200);
        Api.as(world.assessorToken())
                .body(Map.of("code", "S01", "rating", 5, "interviewedOn", "2022-11-12T20:00:00Z"))
                .post("/v1/evaluations/{id}/samples/SATISFACTION/responses", evaluation)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("interviewedOn"));
        Api.as(world.assessorToken())
                .body(Map.of("code", "S01", "rating", 5, "interviewedOn", "2022-11-12"))
                .post("/v1/evaluations/{id}/samples/SATISFACTION/responses", evaluation)
                .then()
                .statusCode(201)
                .body("interviewedOn", equalTo("2022-11-12"));
    }

    @Test
    void anEmptyQueryValueIsTheSameAsNone() {
        String project = world.createProject("空参数探测");
        Api.as(world.streetToken())
                .queryParam("district", "")
                .queryParam("street", "")
                .queryParam("purchaser", "")
                .queryParam("provider", "")
                .queryParam("limit", 100)
                .get("/v1/projects")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(project));
        Api.as(world.bureauToken())
                .queryParam("type", "BUREAU")
                .queryParam("district", "")
                .queryParam("limit", 100)
                .get("/v1/organisations")
                .then()
                .statusCode(200)
                .body("items.code", hasItem(world.bureau));
        Api.as(world.bureauToken())
                .queryParam("key", "")
                .get("/v1/frameworks")
                .then()
                .statusCode(200)
                .body("items", notNullValue());
        Api.as(world.bureauToken())
                .queryParam("district", "")
                .queryParam("cursor", "")
                .get("/v1/evaluations")
                .then()
                .statusCode(200);
        Api.as(world.streetToken())
                .queryParam("status", "")
                .queryParam("limit", 100)
                .get("/v1/projects")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(project));
    }

    @Test
    void nullForAnOptionalPropertyIsTheSameAsLeavingItOut() {
        Map<String, Object> body = new HashMap<>(Map.of(
                "code",
                "NL-" + world.district.substring(4),
                "type",
                "SERVICE_PROVIDER",
                "name",
                "空值探测社工服务中心",
                "district",
                world.district));
        body.put("nameEn", null);
        body.put("street", null);
        Api.as(world.bureauToken())
                .body(body)
                .post("/v1/organisations")
                .then()
                .statusCode(201)
                .body("nameEn", nullValue())
                .body("street", nullValue());
    }

    @Test
    void nullForARequiredPropertyIsRefusedNamingIt() {
        Map<String, Object> body = new HashMap<>(world.projectBody("空值必填探测"));
        body.put("station", null);
        Api.as(world.streetToken())
                .body(body)
                .post("/v1/projects")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("station"));
    }

    @Test
    void aMissingIfMatchIsStill428NowThatTheContractRequiresIt() {
        String project = world.createProject("缺少 If-Match");
        Map<String, Object> body = new HashMap<>(world.projectBody("缺少 If-Match"));
        body.put("status", "ACTIVE");
        Api.as(world.streetToken())
                .body(body)
                .put("/v1/projects/{id}", project)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
    }

    @Test
    void aProvisionalResultHasNoTotalAndAFinalizedOneAlwaysHas() {
        String evaluation = world.openEvaluation("FINAL");
        Api.as(world.bureauToken())
                .get("/v1/evaluations/{id}/result", evaluation)
                .then()
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("total", nullValue())
                .body("grade", nullValue());
        world.submit(evaluation, "BUREAU", "95");
        world.submit(evaluation, "STREET_OFFICE", "94");
        world.submit(evaluation, "ASSESSOR", "93");
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200);
        // The response is validated against FinalizedEvaluationResult: total, grade, finalizedAt… required.
        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/result", evaluation)
                .then()
                .statusCode(200)
                .body("state", equalTo("FINALIZED"))
                .body("total", equalTo("93.40"))
                .body("grade", equalTo("EXCELLENT"))
                .body("finalizedAt", notNullValue());
    }

    @Test
    void anInvalidStateProblemNamesTheStateFromTheContractsEnum() {
        String evaluation = world.openEvaluation("FINAL");
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/opening", evaluation)
                .then()
                .statusCode(409)
                .body("currentState", equalTo("OPEN"));
    }
}
