package io.jixiao.submission;

import io.jixiao.common.Created;
import io.jixiao.common.error.Conflict;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.InvalidState;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.error.Versions;
import io.jixiao.common.idempotency.IdempotencyService;
import io.jixiao.common.security.Caller;
import io.jixiao.evaluation.Evaluation;
import io.jixiao.evaluation.EvaluationAccess;
import io.jixiao.evaluation.EvaluationService;
import io.jixiao.evaluation.EvaluationState;
import io.jixiao.evaluation.Scoring;
import io.jixiao.framework.FrameworkService;
import io.jixiao.framework.Party;
import io.jixiao.framework.Points;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Each party submits and amends its own item scores while the evaluation is open. Every write
 * locks the evaluation row first, so it is ordered with finalization; every revision is kept.
 */
@ApplicationScoped
public class SubmissionService {

    static final String SUBMIT_OPERATION = "submitScores";

    /** A revision with its item scores. */
    public record Sheet(Submission submission, SubmissionRevision revision, List<ItemScore> scores) {
    }

    /** One party's status: its organisation and current submission, if any. */
    public record Status(Party party, String organisation, Optional<Submission> submission,
            Optional<SubmissionRevision> current) {
    }

    @Inject
    SubmissionRepository submissions;

    @Inject
    EvaluationService evaluations;

    @Inject
    EvaluationAccess access;

    @Inject
    FrameworkService frameworks;

    @Inject
    IdempotencyService idempotency;

    @Transactional
    public List<Status> statuses(Caller caller, UUID evaluationId) {
        Evaluation evaluation = evaluations.visible(caller, evaluationId, LockModeType.NONE);
        List<Submission> all = submissions.ofEvaluation(evaluationId);
        List<Status> statuses = new ArrayList<>();
        for (Party party : Party.values()) {
            Optional<Submission> submission = all.stream().filter(s -> s.party == party).findFirst();
            statuses.add(new Status(party, evaluation.organisationOf(party), submission,
                    submission.flatMap(s -> submissions.revision(s.id, s.revision))));
        }
        return statuses;
    }

    @Transactional
    public Sheet get(Caller caller, UUID evaluationId, Party party) {
        Submission submission = visibleSubmission(caller, evaluationId, party);
        SubmissionRevision revision = submissions.revision(submission.id, submission.revision).orElseThrow();
        return new Sheet(submission, revision, submissions.itemScores(revision.id));
    }

    @Transactional
    public List<Sheet> revisions(Caller caller, UUID evaluationId, Party party) {
        Submission submission = visibleSubmission(caller, evaluationId, party);
        return submissions.revisions(submission.id).stream()
                .map(r -> new Sheet(submission, r, submissions.itemScores(r.id))).toList();
    }

    private Submission visibleSubmission(Caller caller, UUID evaluationId, Party party) {
        Evaluation evaluation = evaluations.visible(caller, evaluationId, LockModeType.NONE);
        Optional<Submission> submission = submissions.find(evaluationId, party);
        if (submission.isEmpty() || !access.maySeeScores(caller, evaluation, party)) {
            throw new NotFound("No " + party + " submission of evaluation " + evaluationId + " is visible to you.");
        }
        return submission.get();
    }

    @Transactional
    public Created<Sheet> submit(Caller caller, UUID evaluationId, Party party, ScoreSheet sheet,
            String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotency.claim(caller.subject(), SUBMIT_OPERATION, idempotencyKey,
                    evaluationId + "|" + party + "|" + sheet);
            if (earlier.isPresent()) {
                Submission first = submissions.findById(earlier.get());
                SubmissionRevision revision = submissions.revision(first.id, 1).orElseThrow();
                return new Created<>(new Sheet(first, revision, submissions.itemScores(revision.id)), true);
            }
        }
        Evaluation evaluation = lockOpen(caller, evaluationId, party);
        if (submissions.find(evaluationId, party).isPresent()) {
            throw new Conflict("The " + party + " part of this evaluation is already submitted; amend it "
                    + "with a reason instead.");
        }
        List<ItemScore> scores = validate(evaluation, party, sheet);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Submission submission = new Submission();
        submission.id = UUID.randomUUID();
        submission.evaluationId = evaluationId;
        submission.party = party;
        submission.organisationCode = evaluation.organisationOf(party);
        submission.createdAt = now;
        Sheet written = writeRevision(caller, submission, 1, scores, sheet.comment(), null, now);
        if (idempotencyKey != null) {
            idempotency.complete(caller.subject(), SUBMIT_OPERATION, idempotencyKey, submission.id);
        }
        return new Created<>(written, false);
    }

    @Transactional
    public Sheet amend(Caller caller, UUID evaluationId, Party party, ScoreSheet sheet, String reason,
            Long expectedVersion) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.of("reason", "an amendment needs a written reason");
        }
        Evaluation evaluation = lockOpen(caller, evaluationId, party);
        Submission submission = submissions.find(evaluationId, party).orElseThrow(() -> new NotFound(
                "The " + party + " part of evaluation " + evaluationId + " has not been submitted yet."));
        Versions.requireCurrent(expectedVersion, submission.version, "submission");
        List<ItemScore> scores = validate(evaluation, party, sheet);
        return writeRevision(caller, submission, submission.revision + 1, scores, sheet.comment(), reason.strip(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** The evaluation, locked, if it is open and the caller scores this party of it. */
    private Evaluation lockOpen(Caller caller, UUID evaluationId, Party party) {
        Evaluation evaluation = evaluations.visible(caller, evaluationId, LockModeType.PESSIMISTIC_WRITE);
        access.requireParty(caller, evaluation, party);
        if (evaluation.state != EvaluationState.OPEN) {
            throw new InvalidState("Scores are accepted only while the evaluation is OPEN; it is "
                    + evaluation.state + ".", evaluation.state.name());
        }
        return evaluation;
    }

    private Sheet writeRevision(Caller caller, Submission submission, int number, List<ItemScore> scores,
            String comment, String reason, Instant now) {
        SubmissionRevision revision = new SubmissionRevision();
        revision.id = UUID.randomUUID();
        revision.submissionId = submission.id;
        revision.revision = number;
        revision.score = Scoring.partyScore(scores.stream().map(s -> s.score).toList());
        revision.comment = comment;
        revision.reason = reason;
        revision.submittedAt = now;
        revision.submittedBy = caller.username();
        scores.forEach(s -> s.revisionId = revision.id);
        submission.revision = number;
        submission.score = revision.score;
        submission.updatedAt = now;
        if (number == 1) {
            submissions.persist(submission); // after every column is set: the insert uses this state
        }
        submissions.persistRevision(revision, scores);
        submissions.flush();
        return new Sheet(submission, revision, scores);
    }

    /** Every item of the party's sub-tree exactly once, each 0..max; every problem is named. */
    private List<ItemScore> validate(Evaluation evaluation, Party party, ScoreSheet sheet) {
        Map<String, BigDecimal> maxima = frameworks.maxPointsOf(evaluation.frameworkId, party);
        List<FieldProblem> problems = new ArrayList<>();
        List<ItemScore> scores = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sheet.lines().size(); i++) {
            ScoreSheet.Line line = sheet.lines().get(i);
            String path = "scores[" + i + "]";
            BigDecimal max = maxima.get(line.item());
            if (max == null) {
                problems.add(new FieldProblem(path + ".item", "unknown item " + line.item() + " for the " + party
                        + " part of this framework"));
                continue;
            }
            if (!seen.add(line.item())) {
                problems.add(new FieldProblem(path + ".item", "item " + line.item() + " is scored twice"));
                continue;
            }
            BigDecimal score = Points.parse(line.score());
            if (score == null) {
                problems.add(new FieldProblem(path + ".score", "must be a number 0.." + max.toPlainString()
                        + " with at most 2 decimals"));
            } else if (score.compareTo(max) > 0) {
                problems.add(new FieldProblem(path + ".score", "must be at most " + max.toPlainString()
                        + " (the maximum of " + line.item() + ")"));
            } else {
                ItemScore itemScore = new ItemScore();
                itemScore.itemCode = line.item();
                itemScore.position = i + 1;
                itemScore.score = score;
                itemScore.comment = line.comment();
                scores.add(itemScore);
            }
        }
        Set<String> missing = new LinkedHashSet<>(maxima.keySet());
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            problems.add(new FieldProblem("scores", "missing items: " + String.join(", ", missing)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return scores;
    }
}
