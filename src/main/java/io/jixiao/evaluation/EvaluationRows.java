package io.jixiao.evaluation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The read path's evaluation row: one statement by primary key on the transaction's own JDBC
 * connection, into a detached {@link Evaluation} that no persistence context knows — no session
 * work, no snapshot, no flush. Answers the same row as Hibernate would (EvaluationRowsTest compares
 * every persistent field), so scope rules and mappers apply to it unchanged.
 *
 * <p>Only for transactions that read: a row changed earlier in the same transaction through
 * Hibernate and not flushed yet is not seen here.
 */
@ApplicationScoped
public class EvaluationRows {

    static final String COLUMNS = "id, seq, project_id, fiscal_year, phase, framework_id, bureau_code, purchaser_code,"
            + " assessor_code, district, provider_code, appeal_window_days, state, weight_bureau,"
            + " weight_street_office, weight_assessor, disagreement_threshold, result_bureau,"
            + " result_street_office, result_assessor, result_total_exact, result_total, result_grade,"
            + " result_spread, result_flagged, finalization_note, finalized_at, finalized_by, version,"
            + " created_at, created_by, updated_at, updated_by";

    private static final String BY_ID = "select " + COLUMNS + " from evaluation where id = ?";

    @Inject
    AgroalDataSource dataSource;

    /** The evaluation's row as it stands, by primary key (whatever the table's statistics). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Evaluation> find(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(BY_ID)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(evaluation(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("evaluation " + id + " could not be read", e);
        }
    }

    private static Evaluation evaluation(ResultSet r) throws SQLException {
        Evaluation e = new Evaluation();
        e.id = r.getObject(1, UUID.class);
        e.seq = r.getLong(2);
        e.projectId = r.getObject(3, UUID.class);
        e.fiscalYear = r.getInt(4);
        e.phase = EvaluationPhase.valueOf(r.getString(5));
        e.frameworkId = r.getObject(6, UUID.class);
        e.bureauCode = r.getString(7);
        e.purchaserCode = r.getString(8);
        e.assessorCode = r.getString(9);
        e.district = r.getString(10);
        e.providerCode = r.getString(11);
        e.appealWindowDays = r.getObject(12, Integer.class);
        e.state = EvaluationState.valueOf(r.getString(13));
        e.weightBureau = r.getBigDecimal(14);
        e.weightStreetOffice = r.getBigDecimal(15);
        e.weightAssessor = r.getBigDecimal(16);
        e.disagreementThreshold = r.getBigDecimal(17);
        e.resultBureau = r.getBigDecimal(18);
        e.resultStreetOffice = r.getBigDecimal(19);
        e.resultAssessor = r.getBigDecimal(20);
        e.resultTotalExact = r.getBigDecimal(21);
        e.resultTotal = r.getBigDecimal(22);
        String grade = r.getString(23);
        e.resultGrade = grade == null ? null : Grade.valueOf(grade);
        e.resultSpread = r.getBigDecimal(24);
        e.resultFlagged = r.getObject(25, Boolean.class);
        e.finalizationNote = r.getString(26);
        e.finalizedAt = instant(r, 27);
        e.finalizedBy = r.getString(28);
        e.version = r.getLong(29);
        e.createdAt = instant(r, 30);
        e.createdBy = r.getString(31);
        e.updatedAt = instant(r, 32);
        e.updatedBy = r.getString(33);
        return e;
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
