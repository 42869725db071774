package io.jixiao.analytics;

import io.jixiao.common.security.Caller;
import io.jixiao.report.ReadScope;
import java.util.ArrayList;
import java.util.List;

/**
 * The analytics as SQL aggregates: PostgreSQL counts, averages and medians; Java only reads the
 * aggregated rows. Each query groups by {@code grouping sets ((…), ())}: the empty set's row is
 * the total behind the figures (the basis: distinct projects, evaluations, …). Scope is written
 * into the WHERE clause with only the alternatives that apply (see {@link ReadScope}), on the
 * evaluation's own district and purchaser columns or the project's, so each maps onto an index.
 * Public so that the benchmark can EXPLAIN exactly these statements.
 */
public final class AnalyticsQueries {

    /** A statement and its positional parameters. */
    public record Query(String name, String sql, List<Object> params) {}

    /** The data's as-of time: the snapshot's start, or the last replayed transaction on a replica. */
    public static final String AS_OF = "select case when pg_is_in_recovery()"
            + " then coalesce(pg_last_xact_replay_timestamp(), now()) else now() end";

    private AnalyticsQueries() {}

    public static List<Query> all(Caller caller, Analytics.Filter filter) {
        return List.of(
                grades(caller, filter),
                partyScores(caller, filter),
                dimensions(caller, filter),
                indicators(caller, filter),
                samples(caller, filter),
                rectifications(caller, filter));
    }

    /** Finalized evaluations in scope and filter: the FROM/WHERE shared by grades and scores. */
    private static String finalizedEvaluations(Caller caller, Analytics.Filter f, List<Object> params) {
        return " from evaluation e" + projectJoin(f) + " where e.state = 'FINALIZED'"
                + evaluationFilters(caller, f, params, true);
    }

    /** The project is joined only for its street: scope and the other filters are the evaluation's own. */
    private static String projectJoin(Analytics.Filter f) {
        return f.street() == null && !"STREET".equals(f.groupBy()) ? "" : " join project p on p.id = e.project_id";
    }

    private static String evaluationFilters(Caller caller, Analytics.Filter f, List<Object> params, boolean phase) {
        ReadScope.Predicate scope = ReadScope.ofEvaluations(caller, "e");
        StringBuilder where = new StringBuilder(" and ").append(scope.sql());
        params.addAll(scope.params());
        if (f.district() != null) {
            where.append(" and e.district = ?");
            params.add(f.district());
        }
        if (f.street() != null) {
            where.append(" and p.street = ?");
            params.add(f.street());
        }
        if (f.fiscalYear() != null) {
            where.append(" and e.fiscal_year = ?");
            params.add(f.fiscalYear());
        }
        if (phase && f.phase() != null) {
            where.append(" and e.phase = ?");
            params.add(f.phase());
        }
        return where.toString();
    }

    public static Query grades(Caller caller, Analytics.Filter f) {
        String group = switch (f.groupBy() == null ? "DISTRICT" : f.groupBy()) {
            case "STREET" -> "p.street";
            case "FISCAL_YEAR" -> "e.fiscal_year::text";
            default -> "e.district";
        };
        List<Object> params = new ArrayList<>();
        String sql = "select " + group + " as grp, grouping(" + group + ") as total, count(*),"
                + " count(*) filter (where e.result_grade = 'EXCELLENT'),"
                + " count(*) filter (where e.result_grade = 'GOOD'),"
                + " count(*) filter (where e.result_grade = 'PASS'),"
                + " count(*) filter (where e.result_grade = 'FAIL'),"
                + " round(avg(e.result_total), 2), count(distinct e.project_id)"
                + finalizedEvaluations(caller, f, params)
                + " group by grouping sets ((" + group + "), ()) order by 2, 1";
        return new Query("grades", sql, params);
    }

    public static Query partyScores(Caller caller, Analytics.Filter f) {
        List<Object> params = new ArrayList<>();
        String sql = "select count(*), round(avg(e.result_bureau), 2), round(avg(e.result_street_office), 2),"
                + " round(avg(e.result_assessor), 2), count(*) filter (where e.result_flagged),"
                + " count(distinct e.project_id)" + finalizedEvaluations(caller, f, params);
        return new Query("party-scores", sql, params);
    }

    /** Per party and framework dimension: the points each current submission gives the dimension. */
    public static Query dimensions(Caller caller, Analytics.Filter f) {
        List<Object> params = new ArrayList<>();
        String sql = "with per_submission as ("
                + " select s.party, e.framework_id, fi.dimension_code, min(fi.dimension_name) as dimension_name,"
                + " s.id as submission, sum(sis.score) as points"
                + " from evaluation e" + projectJoin(f)
                + " join submission s on s.evaluation_id = e.id"
                + " join submission_revision sr on sr.submission_id = s.id and sr.revision = s.revision"
                + " join submission_item_score sis on sis.revision_id = sr.id"
                + " join framework_item fi on fi.framework_id = e.framework_id and fi.code = sis.item_code"
                + " where e.state = 'FINALIZED'" + evaluationFilters(caller, f, params, true)
                + " group by s.party, e.framework_id, fi.dimension_code, s.id)"
                + " select ps.party, fw.key, fw.framework_version, ps.dimension_code, min(ps.dimension_name),"
                + " (select sum(x.max_points) from framework_item x where x.framework_id = ps.framework_id"
                + "   and x.party = ps.party and x.dimension_code = ps.dimension_code),"
                + " count(*), round(avg(ps.points), 2)"
                + " from per_submission ps join framework fw on fw.id = ps.framework_id"
                + " group by ps.party, fw.key, fw.framework_version, ps.framework_id, ps.dimension_code"
                + " order by case ps.party when 'BUREAU' then 0 when 'STREET_OFFICE' then 1 else 2 end,"
                + " fw.key, fw.framework_version, ps.dimension_code";
        return new Query("dimensions", sql, params);
    }

    /** Completion rate = actual / target × 100, 2 dp HALF_UP (PostgreSQL rounds numeric half away from zero). */
    private static final String RATE = "round(i.actual * 100 / nullif(i.target, 0), 2)";

    public static Query indicators(Caller caller, Analytics.Filter f) {
        List<Object> params = new ArrayList<>();
        ReadScope.Predicate scope = ReadScope.ofProjects(caller, "p", false);
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        params.addAll(scope.params());
        if (f.district() != null) {
            where.append(" and p.district = ?");
            params.add(f.district());
        }
        if (f.street() != null) {
            where.append(" and p.street = ?");
            params.add(f.street());
        }
        if (f.fiscalYear() != null) {
            where.append(" and s.fiscal_year = ?");
            params.add(f.fiscalYear());
        }
        // the median of an even count is the mean of the two middle values: percentile_disc from
        // both ends, exact in numeric (percentile_cont would go through double precision)
        String sql = "select i.key, grouping(i.key) as total, mode() within group (order by i.name),"
                + " count(*), count(" + RATE + "),"
                + " round((percentile_disc(0.5) within group (order by " + RATE + ")"
                + "      + percentile_disc(0.5) within group (order by " + RATE + " desc)) / 2, 2),"
                + " min(" + RATE + "),"
                + " count(*) filter (where " + RATE + " < 80),"
                + " count(distinct s.project_id), count(distinct s.id)"
                + " from project p join indicator_set s on s.project_id = p.id join indicator i on i.set_id = s.id"
                + where + " group by grouping sets ((i.key), ()) order by 2, 1";
        return new Query("indicator-completion", sql, params);
    }

    public static Query samples(Caller caller, Analytics.Filter f) {
        List<Object> params = new ArrayList<>();
        String sql = "with per_stratum as ("
                + " select sm.kind, st.code, st.name, st.position, st.quota, sm.id as sample, e.project_id, e.id as evaluation,"
                + " count(r.id) filter (where not r.refused) as respondents,"
                + " count(r.id) filter (where not r.refused and r.aware) as aware,"
                + " count(r.id) filter (where not r.refused and not r.no_answer) as answered,"
                + " count(r.id) filter (where not r.refused and r.rating >= 4) as satisfied"
                + " from evaluation e" + projectJoin(f)
                + " join sample sm on sm.evaluation_id = e.id"
                + " join sample_stratum st on st.sample_id = sm.id"
                + " left join sample_response r on r.sample_id = sm.id and r.stratum = st.code"
                + " where true" + evaluationFilters(caller, f, params, true)
                + " group by sm.kind, st.code, st.name, st.position, st.quota, sm.id, e.project_id, e.id)"
                + " select kind, code, grouping(kind, code) as total, min(name), count(*), sum(quota), sum(respondents),"
                + " count(*) filter (where respondents >= quota),"
                + " case when kind = 'AWARENESS' then sum(aware) else sum(satisfied) end,"
                + " case when kind = 'AWARENESS' then sum(respondents) else sum(answered) end,"
                + " count(distinct project_id), count(distinct evaluation), count(distinct sample)"
                + " from per_stratum group by grouping sets ((kind, code), ())"
                + " order by 3, 1 desc, min(position), 2";
        return new Query("samples", sql, params);
    }

    public static Query rectifications(Caller caller, Analytics.Filter f) {
        List<Object> params = new ArrayList<>();
        String sql = "select f.category, grouping(f.category) as total, count(*),"
                + " count(*) filter (where r.finding_id is null),"
                + " count(*) filter (where r.status = 'PARTIALLY_RESOLVED'),"
                + " count(*) filter (where r.status = 'RESOLVED'),"
                + " count(*) filter (where r.status = 'UNRESOLVED'),"
                + " count(distinct e.project_id), count(distinct e.id)"
                + " from evaluation e" + projectJoin(f)
                + " join finding f on f.evaluation_id = e.id and f.kind = 'FINDING'"
                + " left join rectification r on r.finding_id = f.id"
                + " where e.phase = 'MID_TERM'" + evaluationFilters(caller, f, params, false)
                + " group by grouping sets ((f.category), ()) order by 2, 1";
        return new Query("rectifications", sql, params);
    }
}
