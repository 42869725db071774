package io.jixiao.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jixiao.support.Api;
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
class ProjectApiTest {

    static World world;

    @Test
    void streetOfficeCreatesProjectAsPurchaserInItsDistrict() {
        Response created = Api.as(world.streetToken())
                .body(world.projectBody("文冲街社工服务站运营项目"))
                .post("/v1/projects");
        created.then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("purchaser", equalTo(world.streetOffice))
                .body("district", equalTo(world.district))
                .body("status", equalTo("ACTIVE"))
                .body("communities", equalTo(8))
                .body("staffCount", equalTo(14))
                .body("contractStart", equalTo("2018-10-16"));
        String id = created.path("id");
        assertEquals(
                "/v1/projects/" + id,
                java.net.URI.create(created.header("Location")).getPath());

        Api.as(world.streetToken())
                .get("/v1/projects/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("name", equalTo("文冲街社工服务站运营项目"));
    }

    @Test
    void replaceRequiresCurrentIfMatchAndBumpsTheVersion() {
        String id = world.createProject("版本测试项目");
        Map<String, Object> update = new HashMap<>(world.projectBody("版本测试项目（续）"));
        update.put("status", "SUSPENDED");
        update.put("staffCount", 15);

        Api.as(world.streetToken())
                .body(update)
                .put("/v1/projects/{id}", id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        Api.as(world.streetToken())
                .header("If-Match", "\"7\"")
                .body(update)
                .put("/v1/projects/{id}", id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        Api.as(world.streetToken())
                .header("If-Match", "\"0\"")
                .body(update)
                .put("/v1/projects/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("SUSPENDED"))
                .body("staffCount", equalTo(15))
                .body("name", equalTo("版本测试项目（续）"));
        // The same stale ETag a second time loses: nothing is silently overwritten.
        Api.as(world.streetToken())
                .header("If-Match", "\"0\"")
                .body(update)
                .put("/v1/projects/{id}", id)
                .then()
                .statusCode(412);
    }

    @Test
    void invalidProjectNamesEveryFieldAtFault() {
        Map<String, Object> body = new HashMap<>(world.projectBody(""));
        body.put("staffCount", -1);
        body.put("contractEnd", "2017-01-01");
        body.remove("station");
        Api.as(world.streetToken())
                .body(body)
                .post("/v1/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name", "staffCount", "station"));

        Map<String, Object> crossField = new HashMap<>(world.projectBody("跨字段"));
        crossField.put("contractEnd", "2017-01-01");
        crossField.put("supervisor", world.streetOffice);
        crossField.put("provider", "NO-SUCH-ORG");
        Api.as(world.streetToken())
                .body(crossField)
                .post("/v1/projects")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("contractEnd", "supervisor", "provider"));
    }

    @Test
    void listIsScopedFilteredAndPagedByKeyset() {
        World other = World.create();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(other.createProject("分页项目" + i));
        }
        Api.as(other.otherStreetToken())
                .body(other.projectBody("另一街道项目"))
                .post("/v1/projects")
                .then()
                .statusCode(201);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = Api.as(other.streetToken()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/v1/projects");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(ids, seen, "the street office sees exactly its own projects, oldest first");
        assertEquals(3, pages);

        Api.as(other.bureauToken())
                .queryParam("district", other.district)
                .queryParam("limit", 100)
                .get("/v1/projects")
                .then()
                .statusCode(200)
                .body("items", hasSize(6));
        Api.as(other.bureauToken())
                .queryParam("purchaser", other.otherStreetOffice)
                .get("/v1/projects")
                .then()
                .statusCode(200)
                .body("items.name", contains("另一街道项目"));
        Api.as(other.bureauToken())
                .queryParam("status", "CLOSED")
                .get("/v1/projects")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        Api.as(world.bureauToken())
                .queryParam("purchaser", other.streetOffice)
                .get("/v1/projects")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        Api.as(other.auditorToken())
                .queryParam("provider", other.provider)
                .queryParam("limit", 100)
                .get("/v1/projects")
                .then()
                .statusCode(200)
                .body("items", hasSize(6));
        Api.as(other.assessorToken())
                .get("/v1/projects")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("nextCursor", nullValue());
    }

    @Test
    void budgetLineIsCreatedThenReplacedWithDerivedExecutionRate() {
        String id = world.createProject("预算测试项目");
        Api.as(world.streetToken())
                .body(Map.of("budget", "2400000.00", "executed", "2400000"))
                .put("/v1/projects/{id}/budget-lines/{year}", id, 2022)
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("budget", equalTo("2400000.00"))
                .body("executed", equalTo("2400000.00"))
                .body("executionRate", equalTo("100.00"))
                .body("currency", equalTo("CNY"));

        Api.as(world.streetToken())
                .body(Map.of("budget", "2400000.00", "executed", "1999999.99"))
                .put("/v1/projects/{id}/budget-lines/{year}", id, 2022)
                .then()
                .statusCode(428);
        Api.as(world.streetToken())
                .header("If-Match", "\"0\"")
                .body(Map.of("budget", "2400000.00", "executed", "1999999.99"))
                .put("/v1/projects/{id}/budget-lines/{year}", id, 2022)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("executionRate", equalTo("83.33"));

        Api.as(world.streetToken())
                .body(Map.of("budget", "0", "executed", "0"))
                .put("/v1/projects/{id}/budget-lines/{year}", id, 2023)
                .then()
                .statusCode(201)
                .body("executionRate", nullValue());

        Api.as(world.auditorToken())
                .get("/v1/projects/{id}/budget-lines", id)
                .then()
                .statusCode(200)
                .body("items.fiscalYear", contains(2023, 2022));
        Api.as(world.bureauToken())
                .get("/v1/projects/{id}/budget-lines/{year}", id, 2022)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("executed", equalTo("1999999.99"));
        Api.as(world.bureauToken())
                .get("/v1/projects/{id}/budget-lines/{year}", id, 2021)
                .then()
                .statusCode(404);
    }

    @Test
    void budgetLineRejectsOverspendingAndInexactAmounts() {
        String id = world.createProject("预算校验项目");
        Api.as(world.streetToken())
                .body(Map.of("budget", "100.00", "executed", "100.01"))
                .put("/v1/projects/{id}/budget-lines/{year}", id, 2022)
                .then()
                .statusCode(400)
                .body("errors.field", contains("executed"));
        Api.as(world.streetToken())
                .body(Map.of("budget", "100.001", "executed", "-1"))
                .put("/v1/projects/{id}/budget-lines/{year}", id, 2022)
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("budget", "executed"));
        Api.as(world.streetToken())
                .body(Map.of("budget", 100.5, "executed", "1"))
                .put("/v1/projects/{id}/budget-lines/{year}", id, 2022)
                .then()
                .statusCode(400)
                .body("errors.field", contains("budget"));
        Api.as(world.streetToken())
                .get("/v1/projects/{id}/budget-lines", id)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void idempotentCreateReplaysTheFirstResultAndRejectsAnotherBody() {
        String key = "create-" + java.util.UUID.randomUUID();
        String first = Api.as(world.streetToken())
                .header("Idempotency-Key", key)
                .body(world.projectBody("幂等项目"))
                .post("/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String again = Api.as(world.streetToken())
                .header("Idempotency-Key", key)
                .body(world.projectBody("幂等项目"))
                .post("/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(first, again);
        Api.as(world.streetToken())
                .header("Idempotency-Key", key)
                .body(world.projectBody("另一个项目"))
                .post("/v1/projects")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        Api.as(world.streetToken())
                .queryParam("limit", 100)
                .get("/v1/projects")
                .then()
                .body("items.findAll { it.name == '幂等项目' }", hasSize(1));
    }

    @Test
    void getCurrentUserShowsRolesAndOrganisation() {
        Api.as(world.streetToken())
                .get("/v1/me")
                .then()
                .statusCode(200)
                .body("roles", contains("street-office"))
                .body("organisationCode", equalTo(world.streetOffice))
                .body("organisation.type", equalTo("STREET_OFFICE"));
        String noOrg = io.jixiao.support.Tokens.of("nobody", "auditor", null);
        Response me = Api.as(noOrg).get("/v1/me");
        me.then().statusCode(200);
        assertNull(me.path("organisationCode"));
        assertNotNull(me.path("username"));
    }
}
