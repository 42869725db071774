package io.jixiao.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.jixiao.support.Api;
import io.jixiao.support.Scores;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Input that used to reach the database or be stored changed is refused before anything is
 * written, each class by one mechanism, with a problem naming the field or parameter.
 */
@QuarkusTest
@ExtendWith(WorldExtension.class)
class HostileInputTest {

    static World world;

    @Test
    void aNulCharacterInABodyStringIs400NamingTheFieldAndNothingIsStored() {
        Map<String, Object> body = new HashMap<>(world.projectBody("零字节\u0000项目"));
        Api.as(world.streetToken())
                .body(body)
                .post("/v1/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("U+0000"));
        Api.as(world.streetToken())
                .queryParam("purchaser", world.streetOffice)
                .queryParam("limit", 100)
                .get("/v1/projects")
                .then()
                .statusCode(200)
                .body("items.findAll { it.name.startsWith('零字节') }", hasSize(0));
    }

    @Test
    void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark() {
        String raw = "{\"name\":\"孤\\ud800x\",\"station\":\"s\",\"street\":\"文冲街道\",\"supervisor\":\""
                + world.bureau + "\",\"provider\":\"" + world.provider + "\",\"contractStart\":\"2018-10-16\","
                + "\"contractEnd\":\"2023-06-30\",\"communities\":8,\"staffCount\":14}";
        Api.as(world.streetToken())
                .body(raw)
                .post("/v1/projects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("surrogate"));
    }

    @Test
    void aNullElementInsideAnArrayIs400NamingItsIndex() {
        String evaluation = world.openEvaluation("MID_TERM");
        List<Object> scores = new ArrayList<>(Scores.totalling("BUREAU", "90", world.bureauToken()));
        scores.add(1, null);
        Map<String, Object> body = new HashMap<>();
        body.put("party", "BUREAU");
        body.put("scores", scores);
        Api.as(world.bureauToken())
                .body(body)
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("scores[1]"));
        Api.as(world.bureauToken())
                .get("/v1/evaluations/{id}/submissions", evaluation)
                .then()
                .statusCode(200)
                .body("items.findAll { it.party == 'BUREAU' && it.submitted }", hasSize(0));
    }

    @ParameterizedTest
    @CsvSource({"limit,abc", "limit,1.5", "limit,0", "limit,99999999999", "fiscalYear,abc", "projectId,not-a-uuid"})
    void aMalformedTypedQueryParameterIs400NamingIt(String parameter, String value) {
        Api.as(world.auditorToken())
                .queryParam(parameter, value)
                .get("/v1/evaluations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void aNulInAQueryValueIs400NamingTheParameter() {
        Api.raw()
                .auth()
                .oauth2(world.auditorToken())
                .urlEncodingEnabled(false)
                .get("/v1/projects?district=%E9%BB%84%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("district"));
    }

    @Test
    void aRequestLineOverTheLimitIs414AsAProblemDocument() {
        Api.raw()
                .auth()
                .oauth2(world.auditorToken())
                .queryParam("district", "区".repeat(3000))
                .get("/v1/projects")
                .then()
                .statusCode(414)
                .contentType("application/problem+json");
    }

    @Test
    void anEmptyQueryValueIsTreatedAsAbsent() {
        Api.raw()
                .auth()
                .oauth2(world.auditorToken())
                .urlEncodingEnabled(false)
                .accept(ContentType.JSON)
                .get("/v1/evaluations?fiscalYear=")
                .then()
                .statusCode(200);
    }
}
