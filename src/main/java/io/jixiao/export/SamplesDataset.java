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

/**
 * Awareness and satisfaction samples as aggregates per stratum — counts and the rate, computed as
 * {@code SampleTally} does (awareness: aware ÷ respondents; satisfaction: rating 4–5 ÷ valid;
 * refusals are not respondents). No roster entry, code or single answer ever leaves the database.
 */
@ApplicationScoped
class SamplesDataset implements Dataset {

    private static final List<Column> COLUMNS = List.of(
            text("evaluationId"),
            text("projectId"),
            text("projectName"),
            integer("fiscalYear"),
            text("phase"),
            text("district"),
            text("street"),
            text("kind"),
            text("stratum"),
            text("stratumName"),
            integer("quota"),
            integer("reserves"),
            integer("rosterSize"),
            timestamp("drawnAt"),
            integer("drawn"),
            integer("respondents"),
            integer("refusals"),
            integer("aware"),
            integer("noAnswers"),
            integer("valid"),
            integer("satisfied"),
            decimal("rate"),
            bool("quotaMet"));

    @Override
    public String name() {
        return "samples";
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
        String sql = "select e.id, e.project_id, p.name, e.fiscal_year, e.phase, e.district, p.street, x.kind,"
                + " x.code, x.name, x.quota, x.reserves, x.roster_size, x.drawn_at, x.drawn, x.respondents,"
                + " x.refusals, x.aware, x.no_answers, x.respondents - x.no_answers, x.satisfied,"
                + " round((case when x.kind = 'AWARENESS' then x.aware else x.satisfied end)::numeric * 100"
                + "   / nullif(case when x.kind = 'AWARENESS' then x.respondents"
                + "     else x.respondents - x.no_answers end, 0), 2),"
                + " x.respondents >= x.quota"
                + " from evaluation e join project p on p.id = e.project_id"
                + " cross join lateral (select sm.kind, st.position, st.code, st.name, st.quota, st.reserves,"
                + "   sm.roster_size, sm.drawn_at,"
                + "   (select count(*) from sample_draw_entry d where d.sample_id = sm.id and d.stratum = st.code"
                + "     and d.role = 'SELECTED') as drawn,"
                + "   count(r.id) filter (where not r.refused) as respondents,"
                + "   count(r.id) filter (where r.refused) as refusals,"
                + "   count(r.id) filter (where not r.refused and r.aware) as aware,"
                + "   count(r.id) filter (where not r.refused and r.no_answer) as no_answers,"
                + "   count(r.id) filter (where not r.refused and r.rating >= 4) as satisfied"
                + "   from sample sm join sample_stratum st on st.sample_id = sm.id"
                + "   left join sample_response r on r.sample_id = sm.id and r.stratum = st.code"
                + "   where sm.evaluation_id = e.id"
                + "   group by sm.id, sm.kind, st.position, st.code, st.name, st.quota, st.reserves"
                + "   order by sm.kind, st.position) x"
                + where.sql() + " order by e.seq, x.kind, x.position";
        return new Query(sql, where.params());
    }
}
