package io.jixiao.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.paging.Cursors;
import io.jixiao.common.paging.Page;
import io.jixiao.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Reads the audit trail for auditors (everything) and a bureau (its district), filtered and
 * keyset-paginated by the order of appending. Content the caller may not read yet is withheld
 * and flagged, never silently dropped.
 */
@ApplicationScoped
public class AuditEventQuery {

    /** The filters of the list; null means no filter. */
    public record Filter(
            String objectType,
            String objectId,
            UUID evaluationId,
            UUID projectId,
            String actor,
            String organisation,
            String operation,
            OffsetDateTime from,
            OffsetDateTime to) {}

    /** One event as the caller may read it (before/after/changes null when withheld or absent). */
    public record Event(
            long id,
            UUID eventId,
            OffsetDateTime occurredAt,
            String chainKey,
            long chainSeq,
            String prevHash,
            String hash,
            String operation,
            String objectType,
            String objectId,
            String actorSubject,
            String actorUsername,
            String actorOrganisation,
            List<String> actorRoles,
            String requestId,
            String district,
            UUID projectId,
            UUID evaluationId,
            boolean contentWithheld,
            JsonNode before,
            JsonNode after,
            JsonNode changes) {}

    @Inject
    AgroalDataSource dataSource;

    /** Parses an RFC 3339 instant of a query parameter, naming the parameter when it is not one. */
    public static OffsetDateTime instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(
                    field, "must be an RFC 3339 date-time with an offset, e.g. 2022-12-01T00:00:00+08:00");
        }
    }

    public Page<Event> list(Caller caller, Filter filter, int limit, String cursor) {
        long after = cursor == null ? 0 : Cursors.decodeLong(cursor);
        AuditReadScope.Predicate scope = AuditReadScope.ofTrail(caller);
        StringBuilder sql = new StringBuilder("""
                select a.id, a.event_id, a.occurred_at, a.chain_key, a.chain_seq, a.prev_hash, a.hash, a.operation,
                       a.object_type, a.object_id, a.actor_subject, a.actor_username, a.actor_org, a.actor_roles,
                       a.request_id, a.district, a.project_id, a.evaluation_id,
                """)
                .append(" ")
                .append(AuditReadScope.withheld(caller))
                .append(" ")
                .append("""
                 as withheld, a.before_state, a.after_state, a.changes
                  from audit_event a left join evaluation ev on ev.id = a.evaluation_id
                 where a.id > ? and """)
                .append(' ')
                .append(scope.sql());
        List<Object> params = new ArrayList<>();
        params.add(after);
        params.addAll(scope.params());
        condition(sql, params, "a.object_type = ?", filter.objectType());
        condition(sql, params, "a.object_id = ?", filter.objectId());
        condition(sql, params, "a.evaluation_id = ?", filter.evaluationId());
        condition(sql, params, "a.project_id = ?", filter.projectId());
        if (filter.actor() != null) {
            sql.append(" and (a.actor_subject = ? or a.actor_username = ?)");
            params.add(filter.actor());
            params.add(filter.actor());
        }
        condition(sql, params, "a.actor_org = ?", filter.organisation());
        condition(sql, params, "a.operation = ?", filter.operation());
        condition(sql, params, "a.occurred_at >= ?", filter.from());
        condition(sql, params, "a.occurred_at < ?", filter.to());
        sql.append(" order by a.id limit ?");
        params.add(limit + 1);

        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql.toString())) {
            {
                for (int i = 0; i < params.size(); i++) {
                    s.setObject(i + 1, params.get(i));
                }
                List<Event> events = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        events.add(event(r));
                    }
                }
                return Page.of(events, limit, e -> Long.toString(e.id()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be read", e);
        }
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            params.add(value);
        }
    }

    private static Event event(ResultSet r) throws SQLException {
        boolean withheld = r.getBoolean(19);
        String roles = r.getString(14);
        return new Event(
                r.getLong(1),
                r.getObject(2, UUID.class),
                r.getObject(3, OffsetDateTime.class),
                r.getString(4),
                r.getLong(5),
                r.getString(6),
                r.getString(7),
                r.getString(8),
                r.getString(9),
                r.getString(10),
                r.getString(11),
                r.getString(12),
                r.getString(13),
                roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                r.getString(15),
                r.getString(16),
                r.getObject(17, UUID.class),
                r.getObject(18, UUID.class),
                withheld,
                withheld ? null : json(r.getString(20)),
                withheld ? null : json(r.getString(21)),
                withheld ? null : json(r.getString(22)));
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return AuditTrail.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit: unreadable stored state", e);
        }
    }
}
