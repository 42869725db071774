package io.jixiao.export;

import static io.jixiao.export.Column.integer;
import static io.jixiao.export.Column.text;
import static io.jixiao.export.Column.timestamp;

import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * The audit trail (table {@code audit_event}, package {@code io.jixiao.audit}), one row per event in
 * the order of appending, with everything needed to verify its hash chain. Auditors only: an event
 * carries the object's state at the write, e.g. a party's scores before finalization, which
 * independence keeps from the other parties.
 */
@ApplicationScoped
class AuditEventsDataset implements Dataset {

    private static final List<Column> COLUMNS = List.of(
            integer("sequence"),
            text("eventId"),
            timestamp("occurredAt"),
            text("operation"),
            text("objectType"),
            text("objectId"),
            text("actorSubject"),
            text("actorUsername"),
            text("actorOrganisation"),
            text("actorRoles"),
            text("requestId"),
            text("district"),
            text("projectId"),
            text("evaluationId"),
            text("evaluationState"),
            text("chainKey"),
            integer("chainSeq"),
            text("prevHash"),
            text("hash"),
            text("changes"),
            text("before"),
            text("after"));

    private static final Set<String> FILTERS = Set.of("projectId", "district");

    @Override
    public String name() {
        return "audit-events";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Set<String> filters() {
        return FILTERS;
    }

    @Override
    public boolean mayExport(Caller caller) {
        return caller.has(Roles.AUDITOR);
    }

    @Override
    public Query query(Caller caller, ExportFilter filter) {
        Where where = new Where(new io.jixiao.report.ReadScope.Predicate("true", List.of()))
                .equal("a.project_id", filter.projectId())
                .equal("a.district", filter.district());
        String sql = "select a.id, a.event_id, a.occurred_at, a.operation, a.object_type, a.object_id,"
                + " a.actor_subject, a.actor_username, a.actor_org, a.actor_roles, a.request_id, a.district,"
                + " a.project_id, a.evaluation_id, a.evaluation_state, a.chain_key, a.chain_seq, a.prev_hash,"
                + " a.hash, a.changes, a.before_state, a.after_state"
                + " from audit_event a" + where.sql() + " order by a.id";
        return new Query(sql, where.params());
    }
}
