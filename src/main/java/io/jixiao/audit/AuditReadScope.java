package io.jixiao.audit;

import io.jixiao.common.security.BureauDistrictSql;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import java.util.ArrayList;
import java.util.List;

/**
 * Which audit events a caller may read, as SQL on {@code audit_event} aliased {@code a}, from the
 * scope columns each event carries as of its write. Audit depends on nothing but common, so a
 * bureau's district is resolved in SQL on the register ({@link BureauDistrictSql}, as reports do).
 */
final class AuditReadScope {

    /** A SQL predicate and its positional parameters. */
    record Predicate(String sql, List<Object> params) {
        static final Predicate ALL = new Predicate("true", List.of());
        static final Predicate NONE = new Predicate("false", List.of());
    }

    private AuditReadScope() {}

    /** The audit trail itself: auditors every event, a bureau its district's, nobody else anything. */
    static Predicate ofTrail(Caller caller) {
        if (caller.has(Roles.AUDITOR)) {
            return Predicate.ALL;
        }
        if (caller.has(Roles.BUREAU) && caller.organisationCode() != null && caller.district() != null) {
            return new Predicate(BureauDistrictSql.predicate("a.district"), BureauDistrictSql.parameters(caller));
        }
        return Predicate.NONE;
    }

    /**
     * The change feed: the lists' scope, as of each event. Organisation and framework events
     * (no project) are every role's; for the rest, the union of what the caller's roles allow.
     */
    static Predicate ofFeed(Caller caller) {
        if (caller.has(Roles.AUDITOR)) {
            return Predicate.ALL;
        }
        List<String> alternatives = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        alternatives.add("a.project_id is null");
        String org = caller.organisationCode();
        if (org != null) {
            if (caller.has(Roles.BUREAU) && caller.district() != null) {
                alternatives.add(BureauDistrictSql.predicate("a.district"));
                params.addAll(BureauDistrictSql.parameters(caller));
            }
            if (caller.has(Roles.STREET_OFFICE)) {
                alternatives.add("a.purchaser_code = ?");
                params.add(org);
            }
            if (caller.has(Roles.ASSESSOR)) {
                alternatives.add("(a.assessor_code = ? and a.evaluation_state <> 'DRAFT')");
                params.add(org);
            }
            if (caller.has(Roles.PROVIDER)) {
                alternatives.add(
                        "(a.provider_code = ? and (a.evaluation_id is null or a.evaluation_state = 'FINALIZED'))");
                params.add(org);
            }
        }
        return new Predicate("(" + String.join(" or ", alternatives) + ")", params);
    }

    /**
     * Whether the event's content (before, after, changes) is withheld from the caller: a
     * bureau does not read the street office's or the assessor's submission before the
     * evaluation is finalized (its state now, from {@code evaluation} aliased {@code ev}).
     * Returns a SQL boolean expression.
     */
    static String withheld(Caller caller) {
        if (caller.has(Roles.AUDITOR)) {
            return "false";
        }
        return "(a.object_type = 'submission' and a.object_id not like '%/BUREAU'"
                + " and ev.state is distinct from 'FINALIZED')";
    }
}
