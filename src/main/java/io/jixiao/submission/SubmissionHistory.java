package io.jixiao.submission;

import io.jixiao.common.error.NotFound;
import io.jixiao.common.security.Caller;
import io.jixiao.evaluation.EvaluationAccess;
import io.jixiao.evaluation.EvaluationHistory;
import io.jixiao.evaluation.EvaluationRef;
import io.jixiao.framework.Party;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Point-in-time reads of the submissions ({@code asOf}): each party's revision in force at the
 * instant, seen with the evaluation's scope and independence as of that instant
 * ({@link EvaluationHistory}). The answers have the shapes of {@link SubmissionService}'s, with
 * a detached copy of the submission as it stood then (its revision, score and version —
 * the version is bumped once per amendment, so it was the revision minus one).
 */
@ApplicationScoped
public class SubmissionHistory {

    @Inject
    RevisionsAsOf revisions;

    @Inject
    SubmissionRepository submissions;

    @Inject
    EvaluationHistory evaluations;

    @Inject
    EvaluationAccess access;

    @Transactional
    public List<SubmissionService.Status> statuses(Caller caller, UUID evaluationId, Instant asOf) {
        EvaluationRef evaluation = evaluations.visibleRef(caller, evaluationId, asOf);
        Map<Party, RevisionsAsOf.InForce> inForce = revisions.ofEvaluation(evaluationId, asOf);
        List<SubmissionService.Status> statuses = new ArrayList<>();
        for (Party party : Party.values()) {
            Optional<RevisionsAsOf.InForce> then = Optional.ofNullable(inForce.get(party));
            statuses.add(new SubmissionService.Status(
                    party,
                    evaluation.organisationOf(party),
                    then.map(t -> asOfRevision(t.submission(), t.revision())),
                    then.map(RevisionsAsOf.InForce::revision)));
        }
        return statuses;
    }

    @Transactional
    public SubmissionService.Sheet get(Caller caller, UUID evaluationId, Party party, Instant asOf) {
        List<SubmissionService.Sheet> upTo = revisions(caller, evaluationId, party, asOf);
        return upTo.get(upTo.size() - 1);
    }

    @Transactional
    public List<SubmissionService.Sheet> revisions(Caller caller, UUID evaluationId, Party party, Instant asOf) {
        EvaluationRef evaluation = evaluations.visibleRef(caller, evaluationId, asOf);
        Optional<Submission> submission = submissions.find(evaluationId, party);
        List<SubmissionRevision> upTo = submission.isEmpty() || !access.maySeeScores(caller, evaluation, party)
                ? List.of()
                : revisions.upTo(submission.get().id, asOf);
        if (upTo.isEmpty()) {
            throw new NotFound("No " + party + " submission of evaluation " + evaluationId + " is visible to you as of "
                    + asOf + ".");
        }
        Submission then = asOfRevision(submission.get(), upTo.get(upTo.size() - 1));
        return upTo.stream()
                .map(r -> new SubmissionService.Sheet(then, r, submissions.itemScores(r.id)))
                .toList();
    }

    /** A detached copy of the submission as it stood when {@code revision} was its latest. */
    private static Submission asOfRevision(Submission current, SubmissionRevision revision) {
        Submission copy = new Submission();
        copy.id = current.id;
        copy.evaluationId = current.evaluationId;
        copy.party = current.party;
        copy.organisationCode = current.organisationCode;
        copy.createdAt = current.createdAt;
        copy.revision = revision.revision;
        copy.score = revision.score;
        copy.version = revision.revision - 1L;
        copy.updatedAt = revision.submittedAt;
        return copy;
    }
}
