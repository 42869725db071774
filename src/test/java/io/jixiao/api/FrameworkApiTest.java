package io.jixiao.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.jixiao.support.Api;
import io.jixiao.support.Scores;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(WorldExtension.class)
class FrameworkApiTest {

    static World world;

    @Test
    void theDefaultGuangzhouFrameworkIsPublishedWithSixAssessorAreasTheSixthMarkedAssumed() {
        Api.as(world.auditorToken())
                .get("/v1/frameworks/{id}", Scores.DEFAULT_FRAMEWORK)
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("parties.party", contains("ASSESSOR", "BUREAU", "STREET_OFFICE"))
                .body("parties.totalPoints", contains("100.00", "100.00", "100.00"))
                .body(
                        "parties[0].dimensions.name",
                        contains("项目运营建设", "服务对象权益保障", "协调沟通机制", "人力资源配置", "各领域服务质量", "服务成效"))
                .body("parties[0].dimensions.assumed", contains(false, false, false, false, false, true));
        Api.as(world.streetToken())
                .queryParam("key", "GZ-SGZ")
                .get("/v1/frameworks")
                .then()
                .statusCode(200)
                .body("items.frameworkVersion", hasItem(1));
    }

    private static Map<String, Object> tree(String key, String bureauMax) {
        return Map.of(
                "key",
                key,
                "name",
                "测试指标体系",
                "parties",
                List.of(
                        party("BUREAU", "B", bureauMax),
                        party("STREET_OFFICE", "S", "100.00"),
                        party("ASSESSOR", "A", "100.00")));
    }

    private static Map<String, Object> party(String party, String prefix, String max) {
        return Map.of(
                "party",
                party,
                "dimensions",
                List.of(Map.of(
                        "code",
                        prefix + "1",
                        "name",
                        "维度",
                        "items",
                        List.of(Map.of("code", prefix + "1.1", "name", "指标", "maxPoints", max)))));
    }

    @Test
    void aDraftIsEditedThenPublishedOnlyWhenEveryPartySumsToHundredAndThenNeverChanges() {
        String key = "T-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = Api.as(world.bureauToken()).body(tree(key, "90")).post("/v1/frameworks");
        created.then().statusCode(201).body("status", equalTo("DRAFT")).body("frameworkVersion", equalTo(1));
        String id = created.path("id");

        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .post("/v1/frameworks/{id}/publication", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("currentState", equalTo("DRAFT"))
                .body("errors.field", contains("BUREAU"));

        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .body(tree(key, "100"))
                .put("/v1/frameworks/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        Api.as(world.bureauToken())
                .header("If-Match", "\"0\"")
                .post("/v1/frameworks/{id}/publication", id)
                .then()
                .statusCode(412);
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/frameworks/{id}/publication", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"));

        Api.as(world.bureauToken())
                .header("If-Match", "\"2\"")
                .body(tree(key, "100"))
                .put("/v1/frameworks/{id}", id)
                .then()
                .statusCode(409)
                .body("currentState", equalTo("PUBLISHED"));

        Api.as(world.bureauToken())
                .body(tree(key, "100"))
                .post("/v1/frameworks")
                .then()
                .statusCode(201)
                .body("frameworkVersion", equalTo(2));
        Api.as(world.bureauToken())
                .body(tree(key, "100"))
                .post("/v1/frameworks")
                .then()
                .statusCode(409);
    }

    @Test
    void malformedTreesNameEachProblem() {
        Map<String, Object> duplicated = Map.of(
                "key",
                "DUP-1",
                "name",
                "重复",
                "parties",
                List.of(party("BUREAU", "B", "50"), party("BUREAU", "B", "0")));
        Api.as(world.bureauToken())
                .body(duplicated)
                .post("/v1/frameworks")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "parties[1].party",
                                "parties[1].dimensions[0].items[0].code",
                                "parties[1].dimensions[0].items[0].maxPoints"));
    }

    @Test
    void pointsWithThreeDecimalsNameTheNestedField() {
        Map<String, Object> inexact = Map.of(
                "key",
                "INEXACT-1",
                "name",
                "精度",
                "parties",
                List.of(party("BUREAU", "B", "50"), party("STREET_OFFICE", "S", "99.999")));
        Api.as(world.bureauToken())
                .body(inexact)
                .post("/v1/frameworks")
                .then()
                .statusCode(400)
                .body("errors.field", contains("parties[1].dimensions[0].items[0].maxPoints"));
    }

    @Test
    void onlyABureauWritesFrameworks() {
        Api.as(world.streetToken())
                .body(tree("NOPE-1", "100"))
                .post("/v1/frameworks")
                .then()
                .statusCode(403);
        Api.as(world.auditorToken())
                .body(tree("NOPE-1", "100"))
                .post("/v1/frameworks")
                .then()
                .statusCode(403);
    }
}
