package io.jixiao.analytics;

import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.money.Decimals;
import io.jixiao.common.security.Caller;
import io.jixiao.report.ReportingDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cross-project figures for the bureau (its district), street offices (their own projects) and
 * auditors (everything), each on one snapshot of the reporting datasource, with the snapshot's
 * as-of time, the filter echoed and the row counts behind the figures.
 */
@ApplicationScoped
public class AnalyticsService {

    private static final Set<String> GROUPS = Set.of("DISTRICT", "STREET", "FISCAL_YEAR");

    @Inject
    ReportingDataSource reporting;

    public static Analytics.Filter filter(
            String district, String street, Integer fiscalYear, String phase, String groupBy) {
        if (groupBy != null && !GROUPS.contains(groupBy)) {
            throw InvalidInput.of("groupBy", "must be one of DISTRICT, STREET, FISCAL_YEAR");
        }
        return new Analytics.Filter(blankToNull(district), blankToNull(street), fiscalYear, phase, groupBy);
    }

    public Analytics.Grades grades(Caller caller, Analytics.Filter filter) {
        return reporting.read(db -> {
            String asOf = asOf(db);
            List<Analytics.GradeRow> rows = new ArrayList<>();
            long projects = 0;
            long evaluations = 0;
            try (ResultSet rs = run(db, AnalyticsQueries.grades(caller, filter))) {
                while (rs.next()) {
                    if (rs.getInt(2) == 1) {
                        evaluations = rs.getLong(3);
                        projects = rs.getLong(9);
                        continue;
                    }
                    rows.add(new Analytics.GradeRow(
                            rs.getString(1),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            plain(rs.getBigDecimal(8))));
                }
            }
            return new Analytics.Grades(
                    asOf, filter, new Analytics.Basis(projects, evaluations, null, null, null), rows);
        });
    }

    public Analytics.PartyScores partyScores(Caller caller, Analytics.Filter filter) {
        return reporting.read(db -> {
            String asOf = asOf(db);
            List<Analytics.PartyAverage> parties = new ArrayList<>();
            long evaluations;
            long disagreements;
            long projects;
            try (ResultSet rs = run(db, AnalyticsQueries.partyScores(caller, filter))) {
                rs.next();
                evaluations = rs.getLong(1);
                disagreements = rs.getLong(5);
                projects = rs.getLong(6);
                if (evaluations > 0) {
                    parties.add(new Analytics.PartyAverage("BUREAU", evaluations, plain(rs.getBigDecimal(2))));
                    parties.add(new Analytics.PartyAverage("STREET_OFFICE", evaluations, plain(rs.getBigDecimal(3))));
                    parties.add(new Analytics.PartyAverage("ASSESSOR", evaluations, plain(rs.getBigDecimal(4))));
                }
            }
            List<Analytics.DimensionAverage> dimensions = new ArrayList<>();
            try (ResultSet rs = run(db, AnalyticsQueries.dimensions(caller, filter))) {
                while (rs.next()) {
                    dimensions.add(new Analytics.DimensionAverage(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getString(4),
                            rs.getString(5),
                            plain(rs.getBigDecimal(6)),
                            rs.getLong(7),
                            plain(rs.getBigDecimal(8))));
                }
            }
            return new Analytics.PartyScores(
                    asOf,
                    filter,
                    new Analytics.Basis(projects, evaluations, null, null, null),
                    disagreements,
                    parties,
                    dimensions);
        });
    }

    public Analytics.IndicatorCompletion indicators(Caller caller, Analytics.Filter filter) {
        return reporting.read(db -> {
            String asOf = asOf(db);
            List<Analytics.IndicatorRow> rows = new ArrayList<>();
            long projects = 0;
            long sets = 0;
            try (ResultSet rs = run(db, AnalyticsQueries.indicators(caller, filter))) {
                while (rs.next()) {
                    if (rs.getInt(2) == 1) {
                        projects = rs.getLong(9);
                        sets = rs.getLong(10);
                        continue;
                    }
                    long withTarget = rs.getLong(5);
                    long below = rs.getLong(8);
                    rows.add(new Analytics.IndicatorRow(
                            rs.getString(1),
                            rs.getString(3),
                            rs.getLong(4),
                            withTarget,
                            plain(rs.getBigDecimal(6)),
                            plain(rs.getBigDecimal(7)),
                            below,
                            Decimals.format(
                                    Decimals.percentage(BigDecimal.valueOf(below), BigDecimal.valueOf(withTarget)))));
                }
            }
            return new Analytics.IndicatorCompletion(
                    asOf, filter, new Analytics.Basis(projects, null, sets, null, null), rows);
        });
    }

    public Analytics.Samples samples(Caller caller, Analytics.Filter filter) {
        return reporting.read(db -> {
            String asOf = asOf(db);
            List<Analytics.SampleRow> rows = new ArrayList<>();
            Analytics.Basis basis = new Analytics.Basis(0, 0L, null, 0L, null);
            try (ResultSet rs = run(db, AnalyticsQueries.samples(caller, filter))) {
                while (rs.next()) {
                    if (rs.getInt(3) == 3) {
                        basis = new Analytics.Basis(rs.getLong(11), rs.getLong(12), null, rs.getLong(13), null);
                        continue;
                    }
                    long positive = rs.getLong(9);
                    long valid = rs.getLong(10);
                    rows.add(new Analytics.SampleRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getLong(8),
                            positive,
                            valid,
                            Decimals.format(
                                    Decimals.percentage(BigDecimal.valueOf(positive), BigDecimal.valueOf(valid)))));
                }
            }
            return new Analytics.Samples(asOf, filter, basis, rows);
        });
    }

    public Analytics.Rectifications rectifications(Caller caller, Analytics.Filter filter) {
        return reporting.read(db -> {
            String asOf = asOf(db);
            List<Analytics.RectificationRow> rows = new ArrayList<>();
            Analytics.Basis basis = new Analytics.Basis(0, 0L, null, null, 0L);
            try (ResultSet rs = run(db, AnalyticsQueries.rectifications(caller, filter))) {
                while (rs.next()) {
                    if (rs.getInt(2) == 1) {
                        basis = new Analytics.Basis(rs.getLong(8), rs.getLong(9), null, null, rs.getLong(3));
                        continue;
                    }
                    rows.add(new Analytics.RectificationRow(
                            rs.getString(1),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7)));
                }
            }
            return new Analytics.Rectifications(asOf, filter, basis, rows);
        });
    }

    private static String asOf(Connection db) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(AnalyticsQueries.AS_OF);
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant().toString();
        }
    }

    /** The result set stays open until the caller closes it; the statement closes with it. */
    private static ResultSet run(Connection db, AnalyticsQueries.Query query) throws SQLException {
        PreparedStatement st = db.prepareStatement(query.sql());
        for (int i = 0; i < query.params().size(); i++) {
            st.setObject(i + 1, query.params().get(i));
        }
        st.closeOnCompletion();
        return st.executeQuery();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
