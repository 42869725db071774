package io.jixiao.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jixiao.support.Api;
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
import org.junit.jupiter.params.provider.ValueSource;

/** Broken, hostile or oversized requests get a clear problem document and change nothing. */
@QuarkusTest
@ExtendWith(WorldExtension.class)
class RequestHygieneTest {

    static World world;

    @ParameterizedTest
    @ValueSource(strings = {"id", "version", "purchaser", "district", "status", "createdAt", "createdBy"})
    void serverOwnedFieldsCannotBeMassAssigned(String field) {
        Map<String, Object> body = new HashMap<>(world.projectBody("批量赋值探测-" + field));
        body.put(field, "status".equals(field) ? "CLOSED" : "X-INJECTED");
        Api.as(world.streetToken())
                .body(body)
                .post("/v1/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
        // Every project this world's street office purchases, all pages: none is the refused one.
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var page = Api.as(world.streetToken())
                    .queryParam("purchaser", world.streetOffice)
                    .queryParam("limit", 100)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/v1/projects")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            names.addAll(page.getList("items.name", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertFalse(names.contains("批量赋值探测-" + field), "the refused project must not exist: " + names);
        // The same body without the server-owned field is accepted: the refusal was for that field alone.
        body.remove(field);
        Api.as(world.streetToken()).body(body).post("/v1/projects").then().statusCode(201);
    }

    @Test
    void organisationVersionCannotBeMassAssigned() {
        Api.as(world.bureauToken())
                .body(Map.of("code", "MA-1", "type", "BUREAU", "name", "x", "district", world.district, "id", "1"))
                .post("/v1/organisations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void malformedJsonIs400WithoutInternals() {
        Api.as(world.streetToken())
                .body("{\"name\": \"未闭合")
                .post("/v1/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("detail", not(containsString("io.jixiao")))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void wrongTypeInAFieldNamesTheField() {
        Map<String, Object> body = new HashMap<>(world.projectBody("类型错误"));
        body.put("communities", "eight");
        Api.as(world.streetToken())
                .body(body)
                .post("/v1/projects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("communities"));
        body.put("communities", 8);
        body.put("contractStart", "2018-02-30");
        Api.as(world.streetToken())
                .body(body)
                .post("/v1/projects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("contractStart"));
    }

    @Test
    void unknownEnumValueInBodyIs400() {
        Api.as(world.bureauToken())
                .body(Map.of("code", "EN-1", "type", "EMPEROR", "name", "x", "district", world.district))
                .post("/v1/organisations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void wrongContentTypeIs415() {
        Api.as(world.streetToken())
                .contentType(ContentType.XML)
                .body("<project/>")
                .post("/v1/projects")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void unacceptableMediaTypeIs406() {
        Api.as(world.streetToken())
                .accept(ContentType.XML)
                .get("/v1/projects")
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void unsupportedMethodIs405() {
        Api.raw()
                .auth()
                .oauth2(world.streetToken())
                .delete("/v1/projects")
                .then()
                .statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "x".repeat(1_100_000);
        Api.raw()
                .auth()
                .oauth2(world.streetToken())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + huge + "\"}")
                .post("/v1/projects")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void pageSizeOverTheCapIs400() {
        Api.as(world.auditorToken())
                .queryParam("limit", 101)
                .get("/v1/projects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        Api.as(world.auditorToken())
                .queryParam("limit", 0)
                .get("/v1/organisations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void forgedCursorIs400() {
        Api.as(world.auditorToken())
                .queryParam("cursor", "bm90LWEtY3Vyc29y")
                .get("/v1/projects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void unknownEnumFilterIs400() {
        Api.as(world.auditorToken())
                .queryParam("status", "BURIED")
                .get("/v1/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void malformedIdIs400NamingTheParameterAndUnknownPathIs404() {
        Api.as(world.auditorToken())
                .get("/v1/projects/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("projectId"));
        Api.raw()
                .auth()
                .oauth2(world.auditorToken())
                .get("/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badIdempotencyKeyIs400() {
        Api.as(world.streetToken())
                .header("Idempotency-Key", "short")
                .body(world.projectBody("键"))
                .post("/v1/projects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
