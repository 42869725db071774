package io.jixiao.report;

import io.jixiao.common.money.Decimals;
import io.jixiao.common.security.BureauDistrictSql;
import io.jixiao.report.ReportFigures.Budget;
import io.jixiao.report.ReportFigures.DutyOffset;
import io.jixiao.report.ReportFigures.Evaluation;
import io.jixiao.report.ReportFigures.Evidence;
import io.jixiao.report.ReportFigures.Finding;
import io.jixiao.report.ReportFigures.Indicator;
import io.jixiao.report.ReportFigures.Indicators;
import io.jixiao.report.ReportFigures.OrganisationRef;
import io.jixiao.report.ReportFigures.PartyScore;
import io.jixiao.report.ReportFigures.Project;
import io.jixiao.report.ReportFigures.Recommendation;
import io.jixiao.report.ReportFigures.Rectification;
import io.jixiao.report.ReportFigures.Residents;
import io.jixiao.report.ReportFigures.Resource;
import io.jixiao.report.ReportFigures.Sample;
import io.jixiao.report.ReportFigures.Stratum;
import io.jixiao.report.ReportFigures.Weights;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The report's reads: plain SQL on one snapshot of the reporting datasource, each a lookup by
 * project and year through an existing unique index (project, year) or the evaluation's foreign
 * keys. Nothing here decides who may see what beyond the project scope predicate it is given.
 */
final class ReportRepository {

    /** The project row, whether the caller is its district's bureau, and when it last changed. */
    record ProjectRow(Project project, boolean callerIsDistrictBureau, OffsetDateTime updatedAt) {}

    /** Everything read for one report, with the latest change time among it. */
    record Loaded(ReportFigures figures, boolean callerIsDistrictBureau, OffsetDateTime dataAsOf) {}

    private final Connection db;
    private OffsetDateTime latest;

    ReportRepository(Connection db) {
        this.db = db;
    }

    /** Null when the project does not exist in the caller's scope. */
    Loaded load(UUID projectId, int year, ReadScope.Predicate scope, String callerOrg, String callerDistrict)
            throws SQLException {
        ProjectRow project = project(projectId, scope, callerOrg, callerDistrict);
        if (project == null) {
            return null;
        }
        latest = project.updatedAt();
        Budget budget = budget(projectId, year);
        List<Evaluation> evaluations = evaluations(projectId, year);
        List<String> missing = new ArrayList<>();
        for (String phase : List.of("MID_TERM", "FINAL")) {
            if (evaluations.stream().noneMatch(e -> e.phase().equals(phase))) {
                missing.add(phase);
            }
        }
        List<Sample> samples = samples(projectId, year);
        List<Finding> findings = new ArrayList<>();
        List<Recommendation> recommendations = new ArrayList<>();
        findings(projectId, year, findings, recommendations);
        ReportFigures figures = new ReportFigures(
                year,
                project.project(),
                budget,
                evaluations,
                missing,
                indicators(projectId, year),
                evidence(projectId, year),
                samples,
                yearRate(samples, "SATISFACTION"),
                yearRate(samples, "AWARENESS"),
                findings,
                recommendations);
        return new Loaded(figures, project.callerIsDistrictBureau(), latest);
    }

    private ProjectRow project(UUID id, ReadScope.Predicate scope, String callerOrg, String callerDistrict)
            throws SQLException {
        String sql = """
                select p.id, p.name, p.station, p.district, p.street,
                       p.purchaser_code, pu.name, p.supervisor_code, su.name, p.provider_code, pr.name,
                       p.contract_start, p.contract_end, p.communities, p.staff_count, p.updated_at,
                       """ + BureauDistrictSql.predicate("p.district") + """
                  from project p
                  join organisation pu on pu.code = p.purchaser_code
                  join organisation su on su.code = p.supervisor_code
                  join organisation pr on pr.code = p.provider_code
                 where p.id = ?""" + " and " + scope.sql();
        try (PreparedStatement st = db.prepareStatement(sql)) {
            int i = 1;
            st.setString(i++, callerOrg);
            st.setString(i++, callerDistrict);
            st.setObject(i++, id);
            for (Object param : scope.params()) {
                st.setObject(i++, param);
            }
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Project project = new Project(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        new OrganisationRef(rs.getString(6), rs.getString(7)),
                        new OrganisationRef(rs.getString(8), rs.getString(9)),
                        new OrganisationRef(rs.getString(10), rs.getString(11)),
                        rs.getString(12),
                        rs.getString(13),
                        rs.getInt(14),
                        rs.getInt(15));
                return new ProjectRow(project, rs.getBoolean(17), rs.getObject(16, OffsetDateTime.class));
            }
        }
    }

    private Budget budget(UUID projectId, int year) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "select budget, executed, updated_at from budget_line where project_id = ? and fiscal_year = ?")) {
            st.setObject(1, projectId);
            st.setInt(2, year);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                seen(rs.getObject(3, OffsetDateTime.class));
                BigDecimal budget = rs.getBigDecimal(1);
                BigDecimal executed = rs.getBigDecimal(2);
                return new Budget(
                        budget.toPlainString(),
                        executed.toPlainString(),
                        Decimals.format(Decimals.percentage(executed, budget)));
            }
        }
    }

    private List<Evaluation> evaluations(UUID projectId, int year) throws SQLException {
        String sql = """
                select e.id, e.phase, e.state, f.key, f.framework_version,
                       e.assessor_code, ao.name, e.bureau_code, bo.name, e.purchaser_code, po.name,
                       e.weight_bureau, e.weight_street_office, e.weight_assessor,
                       e.result_bureau, e.result_street_office, e.result_assessor, e.result_total, e.result_grade,
                       e.result_flagged, e.finalized_at, e.updated_at
                  from evaluation e
                  join framework f on f.id = e.framework_id
                  join organisation ao on ao.code = e.assessor_code
                  join organisation bo on bo.code = e.bureau_code
                  join organisation po on po.code = e.purchaser_code
                 where e.project_id = ? and e.fiscal_year = ?
                 order by case e.phase when 'MID_TERM' then 0 else 1 end""";
        List<Evaluation> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setObject(1, projectId);
            st.setInt(2, year);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    seen(rs.getObject(22, OffsetDateTime.class));
                    OrganisationRef assessor = new OrganisationRef(rs.getString(6), rs.getString(7));
                    OrganisationRef bureau = new OrganisationRef(rs.getString(8), rs.getString(9));
                    OrganisationRef purchaser = new OrganisationRef(rs.getString(10), rs.getString(11));
                    Weights weights = new Weights(plain(rs, 12), plain(rs, 13), plain(rs, 14));
                    String state = rs.getString(3);
                    boolean finalized = "FINALIZED".equals(state);
                    List<PartyScore> parties = null;
                    if (finalized) {
                        parties = List.of(
                                new PartyScore("BUREAU", bureau, weights.bureau(), plain(rs, 15)),
                                new PartyScore("STREET_OFFICE", purchaser, weights.streetOffice(), plain(rs, 16)),
                                new PartyScore("ASSESSOR", assessor, weights.assessor(), plain(rs, 17)));
                    }
                    out.add(new Evaluation(
                            rs.getString(1),
                            rs.getString(2),
                            state,
                            rs.getString(4) + " v" + rs.getInt(5),
                            assessor,
                            weights,
                            parties,
                            finalized ? plain(rs, 18) : null,
                            finalized ? rs.getString(19) : null,
                            finalized ? (Boolean) rs.getObject(20) : null,
                            finalized ? instant(rs.getObject(21, OffsetDateTime.class)) : null));
                }
            }
        }
        return out;
    }

    private Indicators indicators(UUID projectId, int year) throws SQLException {
        String sql = """
                select s.confirmed_org, s.confirmed_at, s.updated_at,
                       i.key, i.name, i.unit, i.category, i.target, i.actual
                  from indicator_set s
                  left join indicator i on i.set_id = s.id
                 where s.project_id = ? and s.fiscal_year = ?
                 order by i.position""";
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setObject(1, projectId);
            st.setInt(2, year);
            try (ResultSet rs = st.executeQuery()) {
                Indicators result = null;
                List<Indicator> lines = new ArrayList<>();
                while (rs.next()) {
                    if (result == null) {
                        seen(rs.getObject(3, OffsetDateTime.class));
                        result = new Indicators(rs.getObject(2) != null, rs.getString(1), lines);
                    }
                    if (rs.getString(4) != null) {
                        BigDecimal target = rs.getBigDecimal(8);
                        BigDecimal actual = rs.getBigDecimal(9);
                        lines.add(new Indicator(
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                target == null ? null : amount(target),
                                amount(actual),
                                Decimals.format(Decimals.percentage(actual, target))));
                    }
                }
                return result;
            }
        }
    }

    private Evidence evidence(UUID projectId, int year) throws SQLException {
        UUID id;
        int complaints;
        String complaintsNote;
        try (PreparedStatement st = db.prepareStatement("select id, complaints_received, complaints_note, updated_at"
                + " from year_evidence where project_id = ? and fiscal_year = ?")) {
            st.setObject(1, projectId);
            st.setInt(2, year);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                id = rs.getObject(1, UUID.class);
                complaints = rs.getInt(2);
                complaintsNote = rs.getString(3);
                seen(rs.getObject(4, OffsetDateTime.class));
            }
        }
        List<Resource> resources = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        try (PreparedStatement st = db.prepareStatement(
                "select type, description, value from linked_resource where evidence_id = ? order by position")) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    resources.add(new Resource(rs.getString(1), rs.getString(2), plain(rs, 3)));
                    total = total.add(rs.getBigDecimal(3));
                }
            }
        }
        Map<Integer, List<Residents>> residents = new LinkedHashMap<>();
        try (PreparedStatement st = db.prepareStatement("select offset_position, category, residents_served"
                + " from duty_offset_category where evidence_id = ? order by position")) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    residents
                            .computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(new Residents(rs.getString(2), rs.getInt(3)));
                }
            }
        }
        List<DutyOffset> offsets = new ArrayList<>();
        long residentsTotal = 0;
        long personTimes = 0;
        try (PreparedStatement st = db.prepareStatement("select position, name, social_worker_person_times"
                + " from duty_offset where evidence_id = ? order by position")) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    List<Residents> served = residents.getOrDefault(rs.getInt(1), List.of());
                    long sum = served.stream().mapToLong(Residents::count).sum();
                    offsets.add(new DutyOffset(rs.getString(2), rs.getInt(3), served, sum));
                    residentsTotal += sum;
                    personTimes += rs.getInt(3);
                }
            }
        }
        List<String> honours = new ArrayList<>();
        try (PreparedStatement st =
                db.prepareStatement("select title from honour where evidence_id = ? order by position")) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    honours.add(rs.getString(1));
                }
            }
        }
        return new Evidence(
                resources,
                total.toPlainString(),
                offsets,
                residentsTotal,
                personTimes,
                complaints,
                complaintsNote,
                honours);
    }

    private List<Sample> samples(UUID projectId, int year) throws SQLException {
        String sql = """
                select e.phase, s.kind, st.code, st.name, st.quota,
                       count(r.id) filter (where not r.refused),
                       count(r.id) filter (where r.refused),
                       count(r.id) filter (where not r.refused and r.aware),
                       count(r.id) filter (where not r.refused and not r.no_answer),
                       count(r.id) filter (where not r.refused and r.rating >= 4),
                       max(r.recorded_at)
                  from evaluation e
                  join sample s on s.evaluation_id = e.id
                  join sample_stratum st on st.sample_id = s.id
                  left join sample_response r on r.sample_id = s.id and r.stratum = st.code
                 where e.project_id = ? and e.fiscal_year = ?
                 group by e.phase, s.kind, st.position, st.code, st.name, st.quota
                 order by case e.phase when 'MID_TERM' then 0 else 1 end, s.kind desc, st.position""";
        Map<String, List<Stratum>> strata = new LinkedHashMap<>();
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setObject(1, projectId);
            st.setInt(2, year);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    seen(rs.getObject(11, OffsetDateTime.class));
                    boolean awareness = "AWARENESS".equals(rs.getString(2));
                    int respondents = rs.getInt(6);
                    int valid = awareness ? respondents : rs.getInt(9);
                    int positive = awareness ? rs.getInt(8) : rs.getInt(10);
                    int quota = rs.getInt(5);
                    strata.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                            .add(new Stratum(
                                    rs.getString(3),
                                    rs.getString(4),
                                    quota,
                                    respondents,
                                    rs.getInt(7),
                                    valid,
                                    positive,
                                    rate(positive, valid),
                                    respondents >= quota));
                }
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (Map.Entry<String, List<Stratum>> entry : strata.entrySet()) {
            String[] key = entry.getKey().split("/");
            List<Stratum> list = entry.getValue();
            int respondents = list.stream().mapToInt(Stratum::respondents).sum();
            if (respondents == 0) {
                continue; // a planned sample without any interview yet says nothing about the year
            }
            int quota = list.stream().mapToInt(Stratum::quota).sum();
            int valid = list.stream().mapToInt(Stratum::valid).sum();
            int positive = list.stream().mapToInt(Stratum::positive).sum();
            samples.add(new Sample(
                    key[0],
                    key[1],
                    list,
                    quota,
                    respondents,
                    valid,
                    positive,
                    rate(positive, valid),
                    list.stream().allMatch(Stratum::quotaMet)));
        }
        return samples;
    }

    private static ReportFigures.Rate yearRate(List<Sample> samples, String kind) {
        int valid = 0;
        int positive = 0;
        boolean any = false;
        for (Sample s : samples) {
            if (s.kind().equals(kind)) {
                any = true;
                valid += s.valid();
                positive += s.positive();
            }
        }
        return any ? new ReportFigures.Rate(valid, positive, rate(positive, valid)) : null;
    }

    private void findings(UUID projectId, int year, List<Finding> findings, List<Recommendation> recommendations)
            throws SQLException {
        String sql = """
                select f.id, e.phase, f.kind, f.category, f.title, f.text, f.addresses, f.recorded_at,
                       r.status, r.evidence, r.closed_at
                  from evaluation e
                  join finding f on f.evaluation_id = e.id
                  left join rectification r on r.finding_id = f.id
                 where e.project_id = ? and e.fiscal_year = ?
                 order by case e.phase when 'MID_TERM' then 0 else 1 end, f.seq""";
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setObject(1, projectId);
            st.setInt(2, year);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    seen(rs.getObject(8, OffsetDateTime.class));
                    OffsetDateTime closed = rs.getObject(11, OffsetDateTime.class);
                    seen(closed);
                    if ("FINDING".equals(rs.getString(3))) {
                        Rectification rectification = rs.getString(9) == null
                                ? null
                                : new Rectification(rs.getString(9), rs.getString(10), instant(closed));
                        findings.add(new Finding(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rectification));
                    } else {
                        recommendations.add(new Recommendation(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7)));
                    }
                }
            }
        }
    }

    private void seen(OffsetDateTime at) {
        if (at != null && (latest == null || at.isAfter(latest))) {
            latest = at;
        }
    }

    private static String plain(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.toPlainString();
    }

    /** A quantity as people write it: 886, not 886.00; 12.50 stays 12.5. */
    static String amount(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static String instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant().toString();
    }

    private static String rate(int part, int whole) {
        return Decimals.format(Decimals.percentage(BigDecimal.valueOf(part), BigDecimal.valueOf(whole)));
    }
}
