package io.jixiao.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit trail as the app's runtime role would, for assertions. */
public final class AuditEvents {

    private AuditEvents() {}

    public record Row(String operation, String objectType, String objectId, String actorSubject) {}

    public static List<Row> ofRequest(String requestId) {
        try (Connection c = EmbeddedPostgresResource.runtimeConnection();
                PreparedStatement s = c.prepareStatement(
                        "select operation, object_type, object_id, actor_subject from audit_event where request_id = ?")) {
            s.setString(1, requestId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Exactly {@code count} events for the request, naming the operation, object type and actor. */
    public static void assertRecorded(
            String requestId, int count, String operation, String objectType, String actorSubject) {
        assertNotNull(requestId, operation + ": the answer carried no X-Request-Id");
        List<Row> rows = ofRequest(requestId);
        assertEquals(count, rows.size(), operation + ": audit events of request " + requestId + ": " + rows);
        for (Row row : rows) {
            assertEquals(operation, row.operation(), "operation of the audit event");
            assertEquals(objectType, row.objectType(), operation + ": object type of the audit event");
            assertEquals(actorSubject, row.actorSubject(), operation + ": actor of the audit event");
        }
    }
}
