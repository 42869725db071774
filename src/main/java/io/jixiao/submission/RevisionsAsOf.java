package io.jixiao.submission;

import io.jixiao.framework.Party;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The revision queries of point-in-time reads: which revision of each submission was in force at
 * an instant (the latest submitted at or before it). They use the keys that exist — a
 * submission by (evaluation, party), its revisions by (submission, revision) — so no index is
 * added for them.
 */
@ApplicationScoped
class RevisionsAsOf {

    /** A submission with its revision in force at the instant. */
    record InForce(Submission submission, SubmissionRevision revision) {}

    @Inject
    SubmissionRepository submissions;

    /** Each party's revision in force at {@code at}; parties without one then are absent. */
    Map<Party, InForce> ofEvaluation(UUID evaluationId, Instant at) {
        List<Object[]> rows = submissions
                .getEntityManager()
                .createQuery(
                        "select s, r from Submission s, SubmissionRevision r"
                                + " where s.evaluationId = :evaluation and r.submissionId = s.id"
                                + " and r.revision = (select max(r2.revision) from SubmissionRevision r2"
                                + " where r2.submissionId = s.id and r2.submittedAt <= :at)",
                        Object[].class)
                .setParameter("evaluation", evaluationId)
                .setParameter("at", at)
                .getResultList();
        Map<Party, InForce> inForce = new EnumMap<>(Party.class);
        for (Object[] row : rows) {
            Submission submission = (Submission) row[0];
            inForce.put(submission.party, new InForce(submission, (SubmissionRevision) row[1]));
        }
        return inForce;
    }

    /** The revisions of a submission submitted at or before {@code at}, oldest first. */
    List<SubmissionRevision> upTo(UUID submissionId, Instant at) {
        return submissions
                .getEntityManager()
                .createQuery(
                        "from SubmissionRevision r where r.submissionId = :id and r.submittedAt <= :at"
                                + " order by r.revision",
                        SubmissionRevision.class)
                .setParameter("id", submissionId)
                .setParameter("at", at)
                .getResultList();
    }
}
