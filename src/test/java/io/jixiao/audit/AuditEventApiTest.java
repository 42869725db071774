package io.jixiao.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.support.Api;
import io.jixiao.support.EmbeddedPostgresResource;
import io.jixiao.support.Tokens;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /v1/audit-events and POST /v1/audit-events/verification through the API: who reads what,
 * the filters and the pages, the independence rule on submissions, and a tampered row named by
 * the verification endpoint.
 */
@QuarkusTest
@ExtendWith(WorldExtension.class)
class AuditEventApiTest {

    static World world;
    static World foreign;

    private static JsonPath list(String token, Map<String, Object> query) {
        return Api.as(token)
                .queryParams(query)
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void anAuditorSeesEveryDistrictABureauOnlyItsOwnAndAStreetOfficeIsRefused() {
        String own = world.createProject("审计范围本区项目");
        String other = foreign.createProject("审计范围外区项目");

        assertEquals(
                List.of("createProject"),
                list(world.bureauToken(), Map.of("projectId", own)).getList("items.operation"));
        assertEquals(
                List.of(), list(world.bureauToken(), Map.of("projectId", other)).getList("items"));
        assertEquals(
                List.of("createProject"),
                list(world.auditorToken(), Map.of("projectId", other)).getList("items.operation"));

        // every page a bureau can read is of its own district
        String cursor = null;
        int read = 0;
        do {
            Map<String, Object> query = new LinkedHashMap<>(Map.of("limit", 100));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath page = list(world.bureauToken(), query);
            List<String> districts = page.getList("items.scope.district");
            districts.forEach(d -> assertEquals(world.district, d));
            read += districts.size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertTrue(read >= 8, "the world's registrations and project: " + read);

        Api.as(world.streetToken()).get("/v1/audit-events").then().statusCode(403);
        Api.as(world.assessorToken()).get("/v1/audit-events").then().statusCode(403);
        Api.as(world.providerToken()).get("/v1/audit-events").then().statusCode(403);
    }

    @Test
    void filtersNarrowTheTrailAndPagesWalkItWithoutGapsOrRepeats() {
        String project = world.createProject("审计筛选项目");
        Map<String, Object> body = new LinkedHashMap<>(world.projectBody("审计筛选项目（改）"));
        body.put("status", "ACTIVE");
        Api.as(world.streetToken())
                .header("If-Match", "\"0\"")
                .body(body)
                .put("/v1/projects/{id}", project)
                .then()
                .statusCode(200);
        world.createEvaluation(project, 2022, "FINAL");
        String auditor = world.auditorToken();

        JsonPath all = list(auditor, Map.of("projectId", project));
        assertEquals(List.of("createProject", "replaceProject", "createEvaluation"), all.getList("items.operation"));
        assertNull(all.getString("nextCursor"));

        JsonPath ofProject = list(auditor, Map.of("objectType", "project", "objectId", project));
        assertEquals(List.of("createProject", "replaceProject"), ofProject.getList("items.operation"));
        assertNull(ofProject.get("items[0].before"), "a creation has no before");
        assertEquals("审计筛选项目", ofProject.getString("items[0].after.name"));
        assertEquals("审计筛选项目", ofProject.getString("items[1].before.name"));
        assertEquals("审计筛选项目（改）", ofProject.getString("items[1].after.name"));
        assertTrue(ofProject.getList("items[1].changes.path").contains("/name"), ofProject.prettify());
        assertEquals("project:" + project, ofProject.getString("items[0].chainKey"));
        assertEquals(1L, ofProject.getLong("items[0].chainSeq"));
        assertEquals(ofProject.getString("items[0].hash"), ofProject.getString("items[1].prevHash"));
        assertEquals(world.streetOffice, ofProject.getString("items[0].actor.organisation"));
        assertEquals(List.of("street-office"), ofProject.getList("items[0].actor.roles"));
        assertFalse(ofProject.getBoolean("items[0].contentWithheld"));

        String street = Tokens.subjectOf(world.streetToken());
        assertEquals(
                2,
                list(auditor, Map.of("projectId", project, "actor", street))
                        .getList("items")
                        .size());
        assertEquals(
                List.of("createEvaluation"),
                list(auditor, Map.of("projectId", project, "organisation", world.bureau))
                        .getList("items.operation"));
        assertEquals(
                List.of("replaceProject"),
                list(auditor, Map.of("projectId", project, "operation", "replaceProject"))
                        .getList("items.operation"));

        String first = all.getString("items[0].occurredAt");
        assertEquals(
                3,
                list(auditor, Map.of("projectId", project, "from", first))
                        .getList("items")
                        .size());
        assertEquals(
                0,
                list(auditor, Map.of("projectId", project, "to", first))
                        .getList("items")
                        .size());
        assertEquals(
                0,
                list(auditor, Map.of("projectId", project, "from", "2100-01-01T00:00:00+08:00"))
                        .getList("items")
                        .size());
        Api.as(auditor)
                .queryParam("from", "2022-12-01")
                .get("/v1/audit-events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.is("from"));

        List<Long> paged = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> query = new LinkedHashMap<>(Map.of("projectId", project, "limit", 1));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath page = list(auditor, query);
            paged.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(all.getList("items.id", Long.class), paged);
    }

    @Test
    void aBureauReadsTheOtherPartiesScoresOnlyOnceTheEvaluationIsFinalized() {
        String evaluation = world.openEvaluation("FINAL");
        world.submit(evaluation, "BUREAU", "95");
        world.submit(evaluation, "STREET_OFFICE", "94");
        world.submit(evaluation, "ASSESSOR", "93");
        Map<String, Object> submissions = Map.of("evaluationId", evaluation, "objectType", "submission");

        JsonPath before = list(world.bureauToken(), submissions);
        assertEquals(3, before.getList("items").size());
        for (int i = 0; i < 3; i++) {
            boolean own = before.getString("items[" + i + "].objectId").endsWith("/BUREAU");
            assertEquals(
                    !own,
                    before.getBoolean("items[" + i + "].contentWithheld"),
                    before.getString("items[" + i + "].objectId"));
            if (own) {
                assertNotNull(before.get("items[" + i + "].after"));
            } else {
                assertNull(before.get("items[" + i + "].after"));
                assertNull(before.get("items[" + i + "].changes"));
            }
        }
        JsonPath auditor = list(world.auditorToken(), submissions);
        assertEquals(List.of(false, false, false), auditor.getList("items.contentWithheld"));
        assertNotNull(auditor.get("items[2].after"));

        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200);
        JsonPath after = list(world.bureauToken(), submissions);
        assertEquals(List.of(false, false, false), after.getList("items.contentWithheld"));
        assertNotNull(after.get("items[2].after"));
    }

    @Test
    void verificationIsIntactUntilARowIsChangedBehindTheAppsBackAndThenNamesIt() throws SQLException {
        String project = world.createProject("审计验证项目");
        String chain = "project:" + project;
        JsonPath clean = verify(chain);
        assertTrue(clean.getBoolean("intact"));
        assertEquals(1L, clean.getLong("chains"));
        assertEquals(1L, clean.getLong("events"));
        assertNull(clean.get("firstBreak"));
        assertTrue(verify(null).getBoolean("intact"), "the whole trail");
        Api.as(world.bureauToken()).post("/v1/audit-events/verification").then().statusCode(403);

        String tampered;
        String stored;
        String username;
        try (Connection c = EmbeddedPostgresResource.superuserConnection();
                PreparedStatement s = c.prepareStatement(
                        "select event_id, hash, actor_username from audit_event where chain_key = ?")) {
            s.setString(1, chain);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                tampered = r.getString(1);
                stored = r.getString(2);
                username = r.getString(3);
            }
        }
        rewrite("update audit_event set actor_username = 'someone-else' where event_id = '" + tampered + "'");
        try {
            JsonPath broken = verify(chain);
            assertFalse(broken.getBoolean("intact"));
            assertEquals(tampered, broken.getString("firstBreak.eventId"));
            assertEquals(chain, broken.getString("firstBreak.chainKey"));
            assertEquals(1L, broken.getLong("firstBreak.chainSeq"));
            assertEquals(stored, broken.getString("firstBreak.found"));
            assertNotEquals(stored, broken.getString("firstBreak.expected"));
            assertEquals(64, broken.getString("firstBreak.expected").length());
            assertFalse(verify(null).getBoolean("intact"), "verifying every chain finds it too");
        } finally {
            // history put back, so later tests see an intact trail
            rewrite("update audit_event set actor_username = '" + username + "' where event_id = '" + tampered + "'");
        }
        assertTrue(
                verify(chain).getBoolean("intact"), "restored: " + verify(chain).prettify());
    }

    private static JsonPath verify(String chain) {
        var request = Api.as(world.auditorToken());
        if (chain != null) {
            request = request.queryParam("chainKey", chain);
        }
        return request.post("/v1/audit-events/verification")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void rewrite(String sql) throws SQLException {
        try (Connection c = EmbeddedPostgresResource.superuserConnection();
                Statement s = c.createStatement()) {
            s.execute("alter table audit_event disable trigger audit_event_no_update_or_delete");
            s.execute(sql);
            s.execute("alter table audit_event enable trigger audit_event_no_update_or_delete");
        }
    }
}
