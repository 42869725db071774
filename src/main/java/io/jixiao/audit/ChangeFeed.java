package io.jixiao.audit;

import io.agroal.api.AgroalDataSource;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.paging.Cursors;
import io.jixiao.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The change feed: the audit trail without its private fields (no actor identity, no content),
 * scoped to what the caller may see, exactly once and in order from any cursor.
 *
 * <p>Order is {@code (xact_id, id)}: the writing transaction's id, then the order of appending.
 * A page holds only events of transactions below the current snapshot's xmin, i.e. of
 * transactions that have ended and below which no transaction can still commit. An event that
 * commits later therefore always sorts after every event already handed out, and a cursor never
 * passes over one. (Ordering by {@code id} alone would not do: identities are taken when the row
 * is inserted, and a transaction that inserted id 10 may commit after another one that inserted
 * id 11 was read.) A long-running write transaction holds the feed back until it ends, never
 * loses an event. The cursor is the pair itself, so it survives restarts and is the same on every
 * replica; nothing is kept in memory.
 */
@ApplicationScoped
public class ChangeFeed {

    /** A position in the feed: after the event of transaction {@code xact} with id {@code id}. */
    public record Position(long xact, long id) {
        public static final Position START = new Position(0, 0);

        public String cursor() {
            return Cursors.encode(xact + ":" + id);
        }

        /** The position a cursor names; {@code field} is the parameter or header it came in. */
        public static Position of(String field, String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return START;
            }
            String key;
            try {
                key = Cursors.decode(cursor);
            } catch (InvalidInput e) {
                throw notACursor(field);
            }
            int colon = key.indexOf(':');
            try {
                if (colon > 0) {
                    long xact = Long.parseLong(key.substring(0, colon));
                    long id = Long.parseLong(key.substring(colon + 1));
                    if (xact >= 0 && id >= 0) {
                        return new Position(xact, id);
                    }
                }
            } catch (NumberFormatException e) {
                // falls through
            }
            throw notACursor(field);
        }

        private static InvalidInput notACursor(String field) {
            return InvalidInput.of(
                    field, "not a feed cursor this API issued; pass nextCursor (or the SSE id) back unchanged");
        }
    }

    /** One change, without private fields. */
    public record Change(
            Position position,
            UUID eventId,
            OffsetDateTime occurredAt,
            String operation,
            String objectType,
            String objectId,
            String district,
            UUID projectId,
            UUID evaluationId,
            String organisation) {}

    /** The changes after a position, and the position to continue from (the last one's, or the same). */
    public record Batch(List<Change> changes, Position next) {}

    @Inject
    AgroalDataSource dataSource;

    public Batch after(Caller caller, Position after, int limit) {
        AuditReadScope.Predicate scope = AuditReadScope.ofFeed(caller);
        String sql = """
                select a.xact_id::text, a.id, a.event_id, a.occurred_at, a.operation, a.object_type, a.object_id,
                       a.district, a.project_id, a.evaluation_id, a.actor_org
                  from audit_event a
                 where (a.xact_id, a.id) > (?::text::xid8, ?)
                   and a.xact_id < pg_snapshot_xmin(pg_current_snapshot())
                   and """ + " " + scope.sql() + """

                 order by a.xact_id, a.id
                 limit ?
                """;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, Long.toString(after.xact()));
            s.setLong(i++, after.id());
            for (Object param : scope.params()) {
                s.setObject(i++, param);
            }
            s.setInt(i, limit);
            List<Change> changes = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    changes.add(new Change(
                            new Position(Long.parseLong(r.getString(1)), r.getLong(2)),
                            r.getObject(3, UUID.class),
                            r.getObject(4, OffsetDateTime.class),
                            r.getString(5),
                            r.getString(6),
                            r.getString(7),
                            r.getString(8),
                            r.getObject(9, UUID.class),
                            r.getObject(10, UUID.class),
                            r.getString(11)));
                }
            }
            Position next =
                    changes.isEmpty() ? after : changes.get(changes.size() - 1).position();
            return new Batch(changes, next);
        } catch (SQLException e) {
            throw new IllegalStateException("the change feed could not be read", e);
        }
    }
}
