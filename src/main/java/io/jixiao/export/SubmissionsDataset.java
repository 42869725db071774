package io.jixiao.export;

import static io.jixiao.export.Column.bool;
import static io.jixiao.export.Column.decimal;
import static io.jixiao.export.Column.integer;
import static io.jixiao.export.Column.text;
import static io.jixiao.export.Column.timestamp;

import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import io.jixiao.report.ReadScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One row per item score of every revision of every submission, by evaluation (creation order),
 * party code, revision and item. Independence: before finalization a party's scores appear only
 * to that party (the rule of {@code EvaluationAccess.maySeeScores}). The item scores are read per
 * evaluation (a lateral subquery), so the rows stream in evaluation order without sorting the
 * millions of item scores of a national export.
 */
@ApplicationScoped
class SubmissionsDataset implements Dataset {

    private static final List<Column> COLUMNS = List.of(
            text("evaluationId"),
            text("projectId"),
            integer("fiscalYear"),
            text("phase"),
            text("evaluationState"),
            text("district"),
            text("party"),
            text("organisation"),
            integer("revision"),
            bool("currentRevision"),
            bool("amended"),
            text("amendmentReason"),
            decimal("revisionScore"),
            timestamp("submittedAt"),
            text("submittedBy"),
            integer("itemPosition"),
            text("itemCode"),
            text("itemName"),
            decimal("maxPoints"),
            decimal("itemScore"),
            text("itemComment"));

    @Override
    public String name() {
        return "submissions";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Set<String> filters() {
        return Where.EVALUATION_FILTERS;
    }

    @Override
    public Query query(Caller caller, ExportFilter filter) {
        List<Object> params = new ArrayList<>();
        String visible = independence(caller, params);
        Where where = new Where(ReadScope.ofEvaluations(caller, "e")).evaluationFilters(filter);
        params.addAll(where.params());
        String sql = "select e.id, e.project_id, e.fiscal_year, e.phase, e.state, e.district, x.party,"
                + " x.organisation_code, x.revision, x.current_revision, x.amended, x.reason, x.revision_score,"
                + " x.submitted_at, x.submitted_by, x.position, x.item_code, x.item_name, x.max_points, x.score,"
                + " x.comment"
                + " from evaluation e join project p on p.id = e.project_id"
                + " cross join lateral (select s.party, s.organisation_code, sr.revision,"
                + "   sr.revision = s.revision as current_revision, sr.revision > 1 as amended, sr.reason,"
                + "   sr.score as revision_score, sr.submitted_at, sr.submitted_by, sis.position, sis.item_code,"
                + "   fi.name as item_name, fi.max_points, sis.score, sis.comment"
                + "   from submission s"
                + "   join submission_revision sr on sr.submission_id = s.id"
                + "   join submission_item_score sis on sis.revision_id = sr.id"
                + "   left join framework_item fi on fi.framework_id = e.framework_id and fi.code = sis.item_code"
                + "   where s.evaluation_id = e.id and " + visible
                + "   order by s.party, sr.revision, sis.position) x"
                + where.sql() + " order by e.seq, x.party, x.revision, x.position";
        return new Query(sql, params);
    }

    /** Finalized scores, or those the caller gave as a party (bureau or purchasing street office). */
    private static String independence(Caller caller, List<Object> params) {
        List<String> alternatives = new ArrayList<>(List.of("e.state = 'FINALIZED'"));
        String org = caller.organisationCode();
        if (org != null && caller.has(Roles.BUREAU)) {
            alternatives.add("(s.party = 'BUREAU' and e.bureau_code = ?)");
            params.add(org);
        }
        if (org != null && caller.has(Roles.STREET_OFFICE)) {
            alternatives.add("(s.party = 'STREET_OFFICE' and e.purchaser_code = ?)");
            params.add(org);
        }
        return "(" + String.join(" or ", alternatives) + ")";
    }
}
