package io.jixiao.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.support.Api;
import io.jixiao.support.EmbeddedPostgresResource;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trail is append-only for the app's database role (privileges) and for everyone (trigger),
 * its chains verify when untouched, and a row changed behind the app's back is named with the
 * hash expected and the hash found.
 */
@QuarkusTest
@ExtendWith(WorldExtension.class)
class AuditTrailTest {

    static World world;

    @Inject
    AuditVerifier verifier;

    @Test
    void theRuntimeRoleCannotChangeOrRemoveEvents() throws SQLException {
        world.createProject("审计只增项目");
        try (Connection c = EmbeddedPostgresResource.runtimeConnection();
                Statement s = c.createStatement()) {
            for (String sql : new String[] {
                "update audit_event set operation = 'x'",
                "delete from audit_event",
                "truncate audit_event",
                "alter table audit_event disable trigger audit_event_no_update_or_delete"
            }) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
            }
            try (ResultSet r = s.executeQuery("select count(*) from audit_event")) {
                r.next();
                assertTrue(r.getLong(1) > 0, "the runtime role reads the trail");
            }
        }
    }

    @Test
    void theTriggerRefusesChangesEvenToASuperuser() throws SQLException {
        world.createProject("审计触发器项目");
        try (Connection c = EmbeddedPostgresResource.superuserConnection();
                Statement s = c.createStatement()) {
            SQLException refused =
                    assertThrows(SQLException.class, () -> s.execute("update audit_event set operation = 'x'"));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            refused = assertThrows(SQLException.class, () -> s.execute("delete from audit_event"));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
    }

    @Test
    void aCleanChainVerifiesAndATamperedRowIsNamed() throws SQLException {
        String project = world.createProject("审计篡改项目");
        Map<String, Object> body = new java.util.LinkedHashMap<>(world.projectBody("审计篡改项目（改）"));
        body.put("status", "ACTIVE");
        Api.as(world.streetToken())
                .header("If-Match", "\"0\"")
                .body(body)
                .put("/v1/projects/{id}", project)
                .then()
                .statusCode(200);
        String chain = "project:" + project;

        AuditVerifier.Verification clean = verifier.verify(chain);
        assertTrue(clean.intact(), "untouched chain: " + clean.firstBreak());
        assertEquals(2, clean.events());

        UUID tampered;
        String storedHash;
        try (Connection c = EmbeddedPostgresResource.superuserConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "select event_id, hash from audit_event where chain_key = ? and chain_seq = 1")) {
                s.setString(1, chain);
                try (ResultSet r = s.executeQuery()) {
                    assertTrue(r.next());
                    tampered = r.getObject(1, UUID.class);
                    storedHash = r.getString(2);
                }
            }
            // what a database administrator bent on rewriting history would have to do
            try (Statement s = c.createStatement()) {
                s.execute("alter table audit_event disable trigger audit_event_no_update_or_delete");
                s.execute("update audit_event set after_state = replace(after_state, '审计篡改项目', '另一个项目')"
                        + " where event_id = '" + tampered + "'");
                s.execute("alter table audit_event enable trigger audit_event_no_update_or_delete");
            }
        }

        try {
            AuditVerifier.Verification broken = verifier.verify(chain);
            assertFalse(broken.intact());
            AuditVerifier.Break link = broken.firstBreak().orElseThrow();
            assertEquals(tampered, link.eventId());
            assertEquals(1, link.chainSeq());
            assertEquals(storedHash, link.found());
            assertNotNull(link.expected());
            assertFalse(link.expected().equals(link.found()));
            assertFalse(verifier.verify(null).intact(), "verifying every chain finds it too");
        } finally {
            // put history back, so the other tests of this run see an intact trail
            try (Connection c = EmbeddedPostgresResource.superuserConnection();
                    Statement s = c.createStatement()) {
                s.execute("alter table audit_event disable trigger audit_event_no_update_or_delete");
                s.execute("update audit_event set after_state = replace(after_state, '另一个项目', '审计篡改项目')"
                        + " where event_id = '" + tampered + "'");
                s.execute("alter table audit_event enable trigger audit_event_no_update_or_delete");
            }
        }
        assertTrue(verifier.verify(chain).intact(), "restored");
    }
}
