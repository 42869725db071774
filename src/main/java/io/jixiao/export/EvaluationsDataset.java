package io.jixiao.export;

import static io.jixiao.export.Column.decimal;
import static io.jixiao.export.Column.integer;
import static io.jixiao.export.Column.text;
import static io.jixiao.export.Column.timestamp;

import io.jixiao.common.security.Caller;
import io.jixiao.report.ReadScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** One row per evaluation in scope, in creation order: the fields of {@code listEvaluations}. */
@ApplicationScoped
class EvaluationsDataset implements Dataset {

    private static final List<Column> COLUMNS = List.of(
            text("evaluationId"),
            text("projectId"),
            text("projectName"),
            integer("fiscalYear"),
            text("phase"),
            text("state"),
            text("district"),
            text("street"),
            text("bureau"),
            text("purchaser"),
            text("assessor"),
            text("provider"),
            text("frameworkId"),
            decimal("weightBureau"),
            decimal("weightStreetOffice"),
            decimal("weightAssessor"),
            decimal("disagreementThreshold"),
            decimal("total"),
            text("grade"),
            timestamp("createdAt"),
            timestamp("updatedAt"));

    @Override
    public String name() {
        return "evaluations";
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
        Where where = new Where(ReadScope.ofEvaluations(caller, "e")).evaluationFilters(filter);
        String sql = "select e.id, e.project_id, p.name, e.fiscal_year, e.phase, e.state, e.district, p.street,"
                + " e.bureau_code, e.purchaser_code, e.assessor_code, e.provider_code, e.framework_id,"
                + " e.weight_bureau, e.weight_street_office, e.weight_assessor, e.disagreement_threshold,"
                + " e.result_total, e.result_grade, e.created_at, e.updated_at"
                + " from evaluation e join project p on p.id = e.project_id"
                + where.sql() + " order by e.seq";
        return new Query(sql, where.params());
    }
}
