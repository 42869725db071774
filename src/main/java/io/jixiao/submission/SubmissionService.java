package io.jixiao.submission;

import io.jixiao.common.AuditContext;
import io.jixiao.common.Outcome;
import io.jixiao.common.error.Conflict;
import io.jixiao.common.error.ExpectedVersion;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.error.Versions;
import io.jixiao.common.idempotency.IdempotencyService;
import io.jixiao.common.security.Caller;
import io.jixiao.evaluation.EvaluationAccess;
import io.jixiao.evaluation.EvaluationLookup;
import io.jixiao.evaluation.EvaluationRef;
import io.jixiao.evaluation.Scoring;
import io.jixiao.framework.FrameworkService;
import io.jixiao.framework.Party;
import io.jixiao.framework.Points;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
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

    @Inject
    io.jixiao.audit.AuditTrail trail;

    static final String SUBMIT_OPERATION = "submitScores";

    /** A revision with its item scores. */
    public record Sheet(Submission submission, SubmissionRevision revision, List<ItemScore> scores) {}

    /** One party's status: its organisation and current submission, if any. */
    public record Status(
            Party party, String organisation, Optional<Submission> submission, Optional<SubmissionRevision> current) {}

    @Inject
    SubmissionRepository submissions;

    @Inject
    EvaluationLookup evaluations;

    @Inject
    EvaluationAccess access;

    @Inject
    FrameworkService frameworks;

    @Inject
    IdempotencyService idempotency;

    @Inject
    AuditContext audit;

    @Transactional
    public List<Status> statuses(Caller caller, UUID evaluationId) {
        EvaluationRef evaluation = evaluations.visibleForReading(caller, evaluationId);
        List<SubmissionRepository.Current> all = submissions.currentRevisions(evaluationId);
        List<Status> statuses = new ArrayList<>();
        for (Party party : Party.values()) {
            Optional<SubmissionRepository.Current> current =
                    all.stream().filter(c -> c.submission().party == party).findFirst();
            statuses.add(new Status(
                    party,
                    evaluation.organisationOf(party),
                    current.map(SubmissionRepository.Current::submission),
                    current.map(SubmissionRepository.Current::revision)));
        }
        return statuses;
    }

    @Transactional
    public Sheet get(Caller caller, UUID evaluationId, Party party) {
        Submission submission = visibleSubmission(caller, evaluationId, party);
        SubmissionRevision revision =
                submissions.revision(submission.id, submission.revision).orElseThrow();
        return new Sheet(submission, revision, submissions.itemScores(revision.id));
    }

    @Transactional
    public List<Sheet> revisions(Caller caller, UUID evaluationId, Party party) {
        Submission submission = visibleSubmission(caller, evaluationId, party);
        return submissions.revisions(submission.id).stream()
                .map(r -> new Sheet(submission, r, submissions.itemScores(r.id)))
                .toList();
    }

    private Submission visibleSubmission(Caller caller, UUID evaluationId, Party party) {
        EvaluationRef evaluation = evaluations.visible(caller, evaluationId);
        Optional<Submission> submission = submissions.find(evaluationId, party);
        if (submission.isEmpty() || !access.maySeeScores(caller, evaluation, party)) {
            throw new NotFound("No " + party + " submission of evaluation " + evaluationId + " is visible to you.");
        }
        return submission.get();
    }

    @Transactional
    public Outcome<Sheet> submit(
            Caller caller, UUID evaluationId, Party party, ScoreSheet sheet, String idempotencyKey) {
        return idempotency.once(
                caller,
                SUBMIT_OPERATION,
                idempotencyKey,
                evaluationId.toString(),
                party + "|" + sheet,
                this::firstRevision,
                () -> {
                    Sheet written = submitFirst(caller, evaluationId, party, sheet);
                    trail.record("submitScores", io.jixiao.audit.AuditSubject.submission(evaluationId, party.name()));
                    return written;
                },
                written -> written.submission().id);
    }

    /** What a first submission wrote: its first revision, whatever was amended since. */
    private Sheet firstRevision(UUID submissionId) {
        Submission first = submissions.findById(submissionId);
        SubmissionRevision revision = submissions.revision(first.id, 1).orElseThrow();
        return new Sheet(first, revision, submissions.itemScores(revision.id));
    }

    private Sheet submitFirst(Caller caller, UUID evaluationId, Party party, ScoreSheet sheet) {
        EvaluationRef evaluation = lockOpen(caller, evaluationId, party);
        if (submissions.submitted(evaluationId, party)) {
            throw new Conflict("The " + party + " part of this evaluation is already submitted; amend it "
                    + "with a reason instead.");
        }
        List<ItemScore> scores = validate(evaluation, party, sheet);
        Instant now = audit.now();
        Submission submission = new Submission();
        submission.id = UUID.randomUUID();
        submission.evaluationId = evaluationId;
        submission.party = party;
        submission.organisationCode = evaluation.organisationOf(party);
        submission.createdAt = now;
        return writeRevision(caller, submission, 1, scores, sheet.comment(), null, now);
    }

    @Transactional
    public Sheet amend(
            Caller caller,
            UUID evaluationId,
            Party party,
            ScoreSheet sheet,
            String reason,
            ExpectedVersion expectedVersion) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.of("reason", "an amendment needs a written reason");
        }
        EvaluationRef evaluation = lockOpen(caller, evaluationId, party);
        Submission submission = submissions
                .find(evaluationId, party)
                .orElseThrow(() -> new NotFound(
                        "The " + party + " part of evaluation " + evaluationId + " has not been submitted yet."));
        Versions.requireCurrent(expectedVersion, submission.version, "submission");
        List<ItemScore> scores = validate(evaluation, party, sheet);
        Sheet written = writeRevision(
                caller, submission, submission.revision + 1, scores, sheet.comment(), reason.strip(), audit.now());
        trail.record("amendScores", io.jixiao.audit.AuditSubject.submission(evaluationId, party.name()));
        return written;
    }

    /** The evaluation, locked, if it is open and the caller scores this party of it. */
    private EvaluationRef lockOpen(Caller caller, UUID evaluationId, Party party) {
        EvaluationRef evaluation = evaluations.locked(caller, evaluationId);
        access.requireParty(caller, evaluation, party);
        access.requireOpen(evaluation, "Scores are accepted only");
        return evaluation;
    }

    private Sheet writeRevision(
            Caller caller,
            Submission submission,
            int number,
            List<ItemScore> scores,
            String comment,
            String reason,
            Instant now) {
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
        if (number == 1) { // a new submission: plain inserts, nothing for the session to track
            submissions.insertFirst(submission, revision, scores);
        } else {
            submissions.persistRevision(revision, scores);
            submissions.flush();
        }
        return new Sheet(submission, revision, scores);
    }

    /** Every item of the party's sub-tree exactly once, each 0..max; every problem is named. */
    private List<ItemScore> validate(EvaluationRef evaluation, Party party, ScoreSheet sheet) {
        Map<String, BigDecimal> maxima = frameworks.maxPointsOf(evaluation.frameworkId(), party);
        List<FieldProblem> problems = new ArrayList<>();
        List<ItemScore> scores = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sheet.lines().size(); i++) {
            ScoreSheet.Line line = sheet.lines().get(i);
            String path = "scores[" + i + "]";
            BigDecimal max = maxima.get(line.item());
            if (max == null) {
                problems.add(new FieldProblem(
                        path + ".item",
                        "unknown item " + line.item() + " for the " + party + " part of this framework"));
                continue;
            }
            if (!seen.add(line.item())) {
                problems.add(new FieldProblem(path + ".item", "item " + line.item() + " is scored twice"));
                continue;
            }
            BigDecimal score = Points.parse(line.score());
            if (score == null) {
                problems.add(new FieldProblem(
                        path + ".score", "must be a number 0.." + max.toPlainString() + " with at most 2 decimals"));
            } else if (score.compareTo(max) > 0) {
                problems.add(new FieldProblem(
                        path + ".score",
                        "must be at most " + max.toPlainString() + " (the maximum of " + line.item() + ")"));
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
