package io.jixiao.export;

import io.jixiao.report.ReadScope;
import java.util.ArrayList;
import java.util.List;

/** A WHERE clause built from the caller's scope and the filters given, with its parameters. */
final class Where {

    /** Evaluation filters on an evaluation aliased {@code e} joined to its project {@code p}. */
    static final java.util.Set<String> EVALUATION_FILTERS =
            java.util.Set.of("projectId", "fiscalYear", "phase", "state", "grade", "district", "street");

    private final StringBuilder sql = new StringBuilder(" where ");
    private final List<Object> params = new ArrayList<>();

    Where(ReadScope.Predicate scope) {
        sql.append(scope.sql());
        params.addAll(scope.params());
    }

    /** {@code and column = ?} when the value was given. */
    Where equal(String column, Object value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
        return this;
    }

    Where and(String condition, List<Object> values) {
        sql.append(" and ").append(condition);
        params.addAll(values);
        return this;
    }

    /** The filters of {@link #EVALUATION_FILTERS} that were given. */
    Where evaluationFilters(ExportFilter f) {
        return equal("e.project_id", f.projectId())
                .equal("e.fiscal_year", f.fiscalYear())
                .equal("e.phase", f.phase())
                .equal("e.state", f.state())
                .equal("e.result_grade", f.grade())
                .equal("e.district", f.district())
                .equal("p.street", f.street());
    }

    String sql() {
        return sql.toString();
    }

    List<Object> params() {
        return params;
    }
}
