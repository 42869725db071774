package io.jixiao.report;

import io.jixiao.common.security.BureauDistrictSql;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import java.util.ArrayList;
import java.util.List;

/**
 * Who sees which project, as SQL for reports and analytics. The same rules as
 * {@link io.jixiao.project.ProjectAccess#scopeOf} and {@link io.jixiao.evaluation.EvaluationAccess}:
 * auditors see every project; a street office the projects it purchases; a bureau the projects of
 * its organisation's district (the registered bureau's district); an assessor the projects of
 * which its organisation was assigned an evaluation that has been opened. A caller sees the union
 * of what its roles allow, and nothing without an organisation. Only the alternatives that apply
 * are written into the SQL, so the planner can use the matching index.
 */
public final class ReadScope {

    /** A SQL predicate and its positional parameters. */
    public record Predicate(String sql, List<Object> params) {}

    private ReadScope() {}

    /**
     * The projects the caller sees, for a query whose project table is aliased {@code p}.
     * {@code includeAssessor} is false for analytics, which assessors may not call.
     */
    public static Predicate ofProjects(Caller caller, String p, boolean includeAssessor) {
        if (caller.has(Roles.AUDITOR)) {
            return new Predicate("true", List.of());
        }
        String org = caller.organisationCode();
        if (org == null) {
            return new Predicate("false", List.of());
        }
        List<String> alternatives = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (caller.has(Roles.STREET_OFFICE)) {
            alternatives.add(p + ".purchaser_code = ?");
            params.add(org);
        }
        if (caller.has(Roles.BUREAU)) {
            alternatives.add(BureauDistrictSql.predicate(p + ".district"));
            params.addAll(BureauDistrictSql.parameters(caller));
        }
        if (caller.has(Roles.PROVIDER)) {
            // The evaluated provider reads the reports of the projects it runs — published ones only
            // (drafts are the bureau's and auditors', see ReportService).
            alternatives.add(p + ".provider_code = ?");
            params.add(org);
        }
        if (includeAssessor && caller.has(Roles.ASSESSOR)) {
            alternatives.add("exists (select 1 from evaluation sa where sa.project_id = " + p
                    + ".id and sa.assessor_code = ? and sa.state <> 'DRAFT')");
            params.add(org);
        }
        if (alternatives.isEmpty()) {
            return new Predicate("false", List.of());
        }
        return new Predicate("(" + String.join(" or ", alternatives) + ")", params);
    }

    /**
     * The same rule for evaluation rows aliased {@code e} (their district and purchaser are the
     * project's, copied when the evaluation is created): lets analytics filter on the evaluation's
     * own indexed columns.
     */
    public static Predicate ofEvaluations(Caller caller, String e) {
        if (caller.has(Roles.AUDITOR)) {
            return new Predicate("true", List.of());
        }
        String org = caller.organisationCode();
        if (org == null) {
            return new Predicate("false", List.of());
        }
        List<String> alternatives = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (caller.has(Roles.STREET_OFFICE)) {
            alternatives.add(e + ".purchaser_code = ?");
            params.add(org);
        }
        if (caller.has(Roles.BUREAU)) {
            alternatives.add(BureauDistrictSql.predicate(e + ".district"));
            params.addAll(BureauDistrictSql.parameters(caller));
        }
        if (alternatives.isEmpty()) {
            return new Predicate("false", List.of());
        }
        return new Predicate("(" + String.join(" or ", alternatives) + ")", params);
    }
}
