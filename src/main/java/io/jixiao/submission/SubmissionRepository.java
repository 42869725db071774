package io.jixiao.submission;

import io.agroal.api.AgroalDataSource;
import io.jixiao.framework.Party;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

    @Inject
    AgroalDataSource dataSource;

    public List<Submission> ofEvaluation(UUID evaluationId) {
        return list("evaluationId", evaluationId);
    }

    /** A submission with its current revision. */
    public record Current(Submission submission, SubmissionRevision revision) {}

    private static final String CURRENT_REVISIONS = "select s.id, s.party, s.organisation_code, s.revision, s.score,"
            + " s.version, s.created_at, s.updated_at, r.id, r.score, r.comment, r.reason, r.submitted_at,"
            + " r.submitted_by from submission s join submission_revision r"
            + " on r.submission_id = s.id and r.revision = s.revision where s.evaluation_id = ?";

    /**
     * The submissions of an evaluation, each with its current revision, in one plain statement on
     * the transaction's connection (a status list reads every party's current revision: one round
     * trip, and no persistence context), as detached objects — for reading only.
     */
    public List<Current> currentRevisions(UUID evaluationId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(CURRENT_REVISIONS)) {
            s.setObject(1, evaluationId);
            List<Current> all = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Submission submission = new Submission();
                    submission.id = r.getObject(1, UUID.class);
                    submission.evaluationId = evaluationId;
                    submission.party = Party.valueOf(r.getString(2));
                    submission.organisationCode = r.getString(3);
                    submission.revision = r.getInt(4);
                    submission.score = r.getBigDecimal(5);
                    submission.version = r.getLong(6);
                    submission.createdAt = r.getObject(7, OffsetDateTime.class).toInstant();
                    submission.updatedAt = r.getObject(8, OffsetDateTime.class).toInstant();
                    SubmissionRevision revision = new SubmissionRevision();
                    revision.id = r.getObject(9, UUID.class);
                    revision.submissionId = submission.id;
                    revision.revision = submission.revision;
                    revision.score = r.getBigDecimal(10);
                    revision.comment = r.getString(11);
                    revision.reason = r.getString(12);
                    revision.submittedAt = r.getObject(13, OffsetDateTime.class).toInstant();
                    revision.submittedBy = r.getString(14);
                    all.add(new Current(submission, revision));
                }
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException("the submissions of evaluation " + evaluationId + " could not be read", e);
        }
    }

    public Optional<Submission> find(UUID evaluationId, Party party) {
        return find("evaluationId = ?1 and party = ?2", evaluationId, party).firstResultOptional();
    }

    /** The current party scores of an evaluation, for the parties that have submitted. */
    public Map<Party, BigDecimal> currentScores(UUID evaluationId) {
        Map<Party, BigDecimal> scores = new EnumMap<>(Party.class);
        ofEvaluation(evaluationId).forEach(s -> scores.put(s.party, s.score));
        return scores;
    }

    public List<SubmissionRevision> revisions(UUID submissionId) {
        return getEntityManager()
                .createQuery(
                        "from SubmissionRevision r where r.submissionId = :id order by r.revision",
                        SubmissionRevision.class)
                .setParameter("id", submissionId)
                .getResultList();
    }

    public Optional<SubmissionRevision> revision(UUID submissionId, int revision) {
        return getEntityManager()
                .createQuery(
                        "from SubmissionRevision r where r.submissionId = :id and r.revision = :revision",
                        SubmissionRevision.class)
                .setParameter("id", submissionId)
                .setParameter("revision", revision)
                .getResultStream()
                .findFirst();
    }

    public List<ItemScore> itemScores(UUID revisionId) {
        return getEntityManager()
                .createQuery("from ItemScore s where s.revisionId = :id order by s.position", ItemScore.class)
                .setParameter("id", revisionId)
                .getResultList();
    }

    private static final String INSERT_SUBMISSION =
            "insert into submission (id, evaluation_id, party, organisation_code,"
                    + " revision, score, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)";

    private static final String INSERT_REVISION = "insert into submission_revision (id, submission_id, revision, score,"
            + " comment, reason, submitted_at, submitted_by) values (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_ITEM_SCORE =
            "insert into submission_item_score (revision_id, position, item_code, score, comment) values (?, ?, ?, ?, ?)";

    /** Whether the party has submitted (read on the transaction's connection, after its lock). */
    public boolean submitted(UUID evaluationId, Party party) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select 1 from submission where evaluation_id = ? and party = ?")) {
            s.setObject(1, evaluationId);
            s.setString(2, party.name());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the submissions of evaluation " + evaluationId + " could not be read", e);
        }
    }

    /**
     * A first submission with its first revision and item scores, as plain statements on the
     * transaction's connection (the item scores in one batch); the objects stay detached — the
     * submission starts at version 0, as Hibernate would insert it. Amendments change the managed
     * submission and go through Hibernate ({@link #persistRevision}).
     */
    public void insertFirst(Submission submission, SubmissionRevision revision, List<ItemScore> scores) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(INSERT_SUBMISSION)) {
                s.setObject(1, submission.id);
                s.setObject(2, submission.evaluationId);
                s.setString(3, submission.party.name());
                s.setString(4, submission.organisationCode);
                s.setInt(5, submission.revision);
                s.setBigDecimal(6, submission.score);
                s.setObject(7, utc(submission.createdAt));
                s.setObject(8, utc(submission.updatedAt));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(INSERT_REVISION)) {
                s.setObject(1, revision.id);
                s.setObject(2, revision.submissionId);
                s.setInt(3, revision.revision);
                s.setBigDecimal(4, revision.score);
                s.setString(5, revision.comment);
                s.setString(6, revision.reason);
                s.setObject(7, utc(revision.submittedAt));
                s.setString(8, revision.submittedBy);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(INSERT_ITEM_SCORE)) {
                for (ItemScore score : scores) {
                    s.setObject(1, score.revisionId);
                    s.setInt(2, score.position);
                    s.setString(3, score.itemCode);
                    s.setBigDecimal(4, score.score);
                    s.setString(5, score.comment);
                    s.addBatch();
                }
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the submission could not be written", e);
        }
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    public void persistRevision(SubmissionRevision revision, List<ItemScore> scores) {
        getEntityManager().persist(revision);
        scores.forEach(getEntityManager()::persist);
    }
}
