package io.jixiao.export;

import static io.jixiao.export.Column.bool;
import static io.jixiao.export.Column.decimal;
import static io.jixiao.export.Column.integer;
import static io.jixiao.export.Column.text;
import static io.jixiao.export.Column.timestamp;

import io.jixiao.common.security.Caller;
import io.jixiao.report.ReadScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** The frozen result of every finalized evaluation in scope, in creation order. */
@ApplicationScoped
class ResultsDataset implements Dataset {

    private static final List<Column> COLUMNS = List.of(
            text("evaluationId"),
            text("projectId"),
            text("projectName"),
            integer("fiscalYear"),
            text("phase"),
            text("district"),
            text("street"),
            text("purchaser"),
            text("provider"),
            text("assessor"),
            decimal("weightBureau"),
            decimal("weightStreetOffice"),
            decimal("weightAssessor"),
            decimal("scoreBureau"),
            decimal("scoreStreetOffice"),
            decimal("scoreAssessor"),
            decimal("totalExact"),
            decimal("total"),
            text("grade"),
            decimal("spread"),
            bool("flagged"),
            timestamp("finalizedAt"),
            text("finalizedBy"));

    private static final Set<String> FILTERS =
            Set.of("projectId", "fiscalYear", "phase", "grade", "district", "street");

    @Override
    public String name() {
        return "results";
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
    public Query query(Caller caller, ExportFilter filter) {
        Where where = new Where(ReadScope.ofEvaluations(caller, "e"))
                .and("e.state = 'FINALIZED'", List.of())
                .evaluationFilters(filter);
        String sql = "select e.id, e.project_id, p.name, e.fiscal_year, e.phase, e.district, p.street,"
                + " e.purchaser_code, e.provider_code, e.assessor_code,"
                + " e.weight_bureau, e.weight_street_office, e.weight_assessor,"
                + " e.result_bureau, e.result_street_office, e.result_assessor, e.result_total_exact,"
                + " e.result_total, e.result_grade, e.result_spread, e.result_flagged, e.finalized_at, e.finalized_by"
                + " from evaluation e join project p on p.id = e.project_id"
                + where.sql() + " order by e.seq";
        return new Query(sql, where.params());
    }
}
