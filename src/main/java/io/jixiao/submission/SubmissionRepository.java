package io.jixiao.submission;

import io.jixiao.framework.Party;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

    public List<Submission> ofEvaluation(UUID evaluationId) {
        return list("evaluationId", evaluationId);
    }

    /** A submission with its current revision. */
    public record Current(Submission submission, SubmissionRevision revision) {}

    /**
     * The submissions of an evaluation, each with its current revision, in one query (a status
     * list reads every party's current revision: one round trip instead of one per party), loaded
     * read-only (for reading only: no snapshot, nothing for the flush to compare).
     */
    public List<Current> currentRevisions(UUID evaluationId) {
        return getEntityManager()
                .createQuery(
                        "select s, r from Submission s join SubmissionRevision r"
                                + " on r.submissionId = s.id and r.revision = s.revision"
                                + " where s.evaluationId = :id",
                        Object[].class)
                .setParameter("id", evaluationId)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList()
                .stream()
                .map(row -> new Current((Submission) row[0], (SubmissionRevision) row[1]))
                .toList();
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

    public void persistRevision(SubmissionRevision revision, List<ItemScore> scores) {
        getEntityManager().persist(revision);
        scores.forEach(getEntityManager()::persist);
    }
}
