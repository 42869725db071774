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

/**
 * One row per contract indicator (协议指标) of a project and fiscal year, with its completion rate
 * (actual ÷ target × 100, 2 dp HALF_UP, as the report and analytics compute it).
 */
@ApplicationScoped
class IndicatorsDataset implements Dataset {

    private static final List<Column> COLUMNS = List.of(
            text("projectId"),
            text("projectName"),
            text("district"),
            text("street"),
            text("purchaser"),
            text("provider"),
            integer("fiscalYear"),
            timestamp("confirmedAt"),
            text("confirmedOrganisation"),
            integer("position"),
            text("key"),
            text("name"),
            text("unit"),
            text("category"),
            decimal("target"),
            decimal("actual"),
            decimal("completionRate"));

    private static final Set<String> FILTERS = Set.of("projectId", "fiscalYear", "district", "street");

    @Override
    public String name() {
        return "indicators";
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
        // The project carries the purchaser and district that the evaluation rule reads.
        Where where = new Where(ReadScope.ofEvaluations(caller, "p"))
                .equal("p.id", filter.projectId())
                .equal("s.fiscal_year", filter.fiscalYear())
                .equal("p.district", filter.district())
                .equal("p.street", filter.street());
        String sql = "select p.id, p.name, p.district, p.street, p.purchaser_code, p.provider_code, s.fiscal_year,"
                + " s.confirmed_at, s.confirmed_org, i.position, i.key, i.name, i.unit, i.category, i.target,"
                + " i.actual, round(i.actual * 100 / nullif(i.target, 0), 2)"
                + " from project p join indicator_set s on s.project_id = p.id join indicator i on i.set_id = s.id"
                + where.sql() + " order by p.seq, s.fiscal_year, i.position";
        return new Query(sql, where.params());
    }
}
