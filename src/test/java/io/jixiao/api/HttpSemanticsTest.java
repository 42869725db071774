package io.jixiao.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.jixiao.support.Api;
import io.jixiao.support.Scores;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** HTTP semantics to the letter: Allow on 405, If-Match per RFC 9110, Idempotency-Key per target. */
@QuarkusTest
@ExtendWith(WorldExtension.class)
class HttpSemanticsTest {

    static World world;

    @Test
    void aMethodNotAllowedNamesTheAllowedOnes() {
        Api.raw()
                .auth()
                .oauth2(world.streetToken())
                .delete("/v1/projects")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", notNullValue())
                .header("Allow", containsString("GET"));
    }

    private Map<String, Object> update(String name) {
        Map<String, Object> body = new HashMap<>(world.projectBody(name));
        body.put("status", "ACTIVE");
        return body;
    }

    @Test
    void aWeakTagNeverMatchesStarMatchesAnyVersionAndAListMatchesWhenAMemberDoes() {
        String project = world.createProject("If-Match 语义");
        Api.as(world.streetToken())
                .header("If-Match", "W/\"0\"")
                .body(update("弱标签"))
                .put("/v1/projects/{id}", project)
                .then()
                .statusCode(412);
        Api.as(world.streetToken())
                .header("If-Match", "*")
                .body(update("任意版本"))
                .put("/v1/projects/{id}", project)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        Api.as(world.streetToken())
                .header("If-Match", "\"7\", \"1\"")
                .body(update("列表"))
                .put("/v1/projects/{id}", project)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");
        Api.as(world.streetToken())
                .header("If-Match", "\"0\", \"1\"")
                .body(update("旧版本"))
                .put("/v1/projects/{id}", project)
                .then()
                .statusCode(412);
    }

    @Test
    void anIdempotencyKeyReusedOnAnotherTargetSaysSo() {
        String first = world.openEvaluation("MID_TERM");
        String second = world.openEvaluation("FINAL");
        Map<String, Object> body = Scores.submission("ASSESSOR", "90", world.assessorToken());
        Api.as(world.assessorToken())
                .header("Idempotency-Key", "same-key-other-target")
                .body(body)
                .post("/v1/evaluations/{id}/submissions", first)
                .then()
                .statusCode(201);
        Api.as(world.assessorToken())
                .header("Idempotency-Key", "same-key-other-target")
                .body(body)
                .post("/v1/evaluations/{id}/submissions", second)
                .then()
                .statusCode(422)
                .body("detail", containsString("another object"));
        Api.as(world.assessorToken())
                .header("Idempotency-Key", "same-key-other-target")
                .body(body)
                .post("/v1/evaluations/{id}/submissions", first)
                .then()
                .statusCode(201)
                .body("party", equalTo("ASSESSOR"));
    }
}
