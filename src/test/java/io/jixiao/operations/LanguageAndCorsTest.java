package io.jixiao.operations;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.jixiao.support.Api;
import io.jixiao.support.Scores;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(WorldExtension.class)
class LanguageAndCorsTest {

    static World world;

    @Test
    void problemTitlesAndLabelsFollowAcceptLanguageAndCodesNeverChange() {
        Api.anonymous()
                .get("/v1/projects")
                .then()
                .statusCode(401)
                .header("Content-Language", "zh-CN")
                .body("title", equalTo("未认证"));
        Api.anonymous()
                .header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5")
                .get("/v1/projects")
                .then()
                .statusCode(401)
                .header("Content-Language", "en")
                .body("title", equalTo("Not authenticated"))
                .body("type", containsString("/problems/unauthorized"));

        String evaluation = world.openEvaluation("MID_TERM");
        world.submit(evaluation, "BUREAU", "95");
        world.submit(evaluation, "STREET_OFFICE", "94");
        world.submit(evaluation, "ASSESSOR", "93");
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200)
                .body("gradeLabel", equalTo("优秀"))
                .body("stateLabel", equalTo("已定稿"));
        Api.as(world.bureauToken())
                .header("Accept-Language", "en")
                .get("/v1/evaluations/{id}", evaluation)
                .then()
                .header("Content-Language", "en")
                .body("grade", equalTo("EXCELLENT"))
                .body("gradeLabel", equalTo("Excellent"))
                .body("state", equalTo("FINALIZED"))
                .body("stateLabel", equalTo("Finalized"));
        Api.as(world.bureauToken())
                .header("Accept-Language", "en")
                .get("/v1/evaluations/{id}/result", evaluation)
                .then()
                .body("gradeLabel", equalTo("Excellent"));
        Api.as(world.auditorToken())
                .header("Accept-Language", "en")
                .get("/v1/frameworks/{id}", Scores.DEFAULT_FRAMEWORK)
                .then()
                .body("parties[0].dimensions[5].label", equalTo("Service outcomes"))
                .body("parties[0].dimensions[5].name", equalTo("服务成效"))
                .body("parties[0].dimensions[5].items[0].label", equalTo("Contract indicators achieved"));
        Api.as(world.auditorToken())
                .get("/v1/frameworks/{id}", Scores.DEFAULT_FRAMEWORK)
                .then()
                .body("parties[0].dimensions[5].label", equalTo("服务成效"));
    }

    @Test
    void corsAnswersTheConfiguredFrontendOriginOnly() {
        RestAssured.given()
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .options("/v1/projects")
                .then()
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Methods", containsString("PUT"));
        RestAssured.given()
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET")
                .options("/v1/projects")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        RestAssured.given()
                .header("Origin", "http://localhost:5173")
                .auth()
                .oauth2(world.auditorToken())
                .get("/v1/projects")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        RestAssured.given()
                .header("Origin", "https://evil.example.com")
                .auth()
                .oauth2(world.auditorToken())
                .get("/v1/projects")
                .then()
                .header("Access-Control-Allow-Origin", not(equalTo("https://evil.example.com")));
    }
}
