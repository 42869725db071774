package io.jixiao.evaluation;

import io.jixiao.common.Created;
import io.jixiao.common.error.Conflict;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.InvalidState;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.error.Versions;
import io.jixiao.common.idempotency.IdempotencyService;
import io.jixiao.common.paging.Cursors;
import io.jixiao.common.paging.Page;
import io.jixiao.common.security.Caller;
import io.jixiao.framework.FrameworkService;
import io.jixiao.framework.Party;
import io.jixiao.organisation.Organisation;
import io.jixiao.organisation.OrganisationRepository;
import io.jixiao.organisation.OrganisationType;
import io.jixiao.project.Project;
import io.jixiao.project.ProjectService;
import io.jixiao.submission.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The evaluation lifecycle: DRAFT → OPEN → FINALIZED, REOPEN back to OPEN with a reason. Every
 * transition is recorded. Transitions and score writes lock the evaluation row, so a
 * finalization and an amendment are ordered: the frozen result always equals the submissions
 * stored at that moment.
 */
@ApplicationScoped
public class EvaluationService {

    static final String CREATE_OPERATION = "createEvaluation";

    @Inject
    EvaluationRepository evaluations;

    @Inject
    EvaluationAccess access;

    @Inject
    ProjectService projects;

    @Inject
    OrganisationRepository organisations;

    @Inject
    FrameworkService frameworks;

    @Inject
    SubmissionRepository submissions;

    @Inject
    IdempotencyService idempotency;

    @Inject
    io.jixiao.sampling.SampleService samples;

    @Inject
    io.jixiao.finding.FindingService findings;

    @ConfigProperty(name = "jixiao.disagreement-threshold", defaultValue = "15")
    BigDecimal defaultThreshold;

    @Transactional
    public Page<Evaluation> list(Caller caller, EvaluationRepository.Filter filter, String cursor, int limit) {
        Long after = cursor == null ? null : Cursors.decodeLong(cursor);
        return Page.of(evaluations.list(access.scopeOf(caller), filter, after, limit + 1), limit,
                e -> String.valueOf(e.seq));
    }

    @Transactional
    public Evaluation get(Caller caller, UUID id) {
        return visible(caller, id, LockModeType.NONE);
    }

    /**
     * The evaluation if the caller may see it, else not found. With a lock mode other than NONE
     * the row stays locked until the caller's transaction ends.
     */
    public Evaluation visible(Caller caller, UUID id, LockModeType lock) {
        if (!evaluations.inScope(access.scopeOf(caller), id)) {
            throw new NotFound("Evaluation " + id + " was not found.");
        }
        return evaluations.findById(id, lock);
    }

    @Transactional
    public List<EvaluationTransition> transitions(Caller caller, UUID id) {
        visible(caller, id, LockModeType.NONE);
        return evaluations.transitions(id);
    }

    @Transactional
    public Created<Evaluation> create(Caller caller, NewEvaluation request, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotency.claim(caller.subject(), CREATE_OPERATION, idempotencyKey,
                    request.toString());
            if (earlier.isPresent()) {
                return new Created<>(evaluations.findById(earlier.get()), true);
            }
        }
        Project project = projects.get(caller, request.projectId());
        if (!caller.actsFor(project.supervisorCode) || !caller.has(io.jixiao.common.security.Roles.BUREAU)) {
            throw new io.jixiao.common.error.Forbidden("Only the supervising bureau (" + project.supervisorCode
                    + ") creates evaluations of this project.");
        }
        Weights weights = request.weights() == null ? Weights.POLICY : request.weights();
        BigDecimal threshold = request.disagreementThreshold() == null
                ? defaultThreshold.setScale(2) : request.disagreementThreshold();
        validate(request, project, weights);
        if (evaluations.count("projectId = ?1 and fiscalYear = ?2 and phase = ?3", project.id,
                request.fiscalYear(), request.phase()) > 0) {
            throw new Conflict("Project " + project.id + " already has a " + request.phase() + " evaluation for "
                    + request.fiscalYear() + ".");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Evaluation evaluation = new Evaluation();
        evaluation.id = UUID.randomUUID();
        evaluation.projectId = project.id;
        evaluation.fiscalYear = request.fiscalYear();
        evaluation.phase = request.phase();
        evaluation.frameworkId = request.frameworkId();
        evaluation.bureauCode = project.supervisorCode;
        evaluation.purchaserCode = project.purchaserCode;
        evaluation.assessorCode = request.assessor();
        evaluation.district = project.district;
        evaluation.state = EvaluationState.DRAFT;
        evaluation.weightBureau = weights.bureau();
        evaluation.weightStreetOffice = weights.streetOffice();
        evaluation.weightAssessor = weights.assessor();
        evaluation.disagreementThreshold = threshold;
        evaluation.createdAt = now;
        evaluation.createdBy = caller.username();
        evaluation.updatedAt = now;
        evaluation.updatedBy = caller.username();
        evaluations.persistAndFlush(evaluation);
        if (idempotencyKey != null) {
            idempotency.complete(caller.subject(), CREATE_OPERATION, idempotencyKey, evaluation.id);
        }
        return new Created<>(evaluation, false);
    }

    private void validate(NewEvaluation request, Project project, Weights weights) {
        List<FieldProblem> problems = new ArrayList<>();
        if (frameworks.findPublished(request.frameworkId()).isEmpty()) {
            problems.add(new FieldProblem("frameworkId", "must be a published framework version"));
        }
        Optional<Organisation> assessor = organisations.findByCode(request.assessor());
        if (assessor.isEmpty() || assessor.get().type != OrganisationType.ASSESSOR) {
            problems.add(new FieldProblem("assessor", "must be the code of a registered assessor organisation"));
        }
        if (!weights.sumToHundred()) {
            problems.add(new FieldProblem("weights", "must sum to exactly 100"));
        }
        if (request.fiscalYear() < project.contractStart.getYear()
                || request.fiscalYear() > project.contractEnd.getYear()) {
            problems.add(new FieldProblem("fiscalYear", "must fall within the contract period ("
                    + project.contractStart + " to " + project.contractEnd + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    @Transactional
    public Evaluation open(Caller caller, UUID id, Long expectedVersion) {
        Evaluation evaluation = lockForBureau(caller, id, expectedVersion, EvaluationState.DRAFT, "opened");
        transition(caller, evaluation, EvaluationTransition.Action.OPEN, EvaluationState.OPEN, null);
        samples.createPolicySamples(evaluation.id);
        evaluations.flush();
        return evaluation;
    }

    @Transactional
    public Evaluation finalizeResult(Caller caller, UUID id, Long expectedVersion, String note) {
        Evaluation evaluation = lockForBureau(caller, id, expectedVersion, EvaluationState.OPEN, "finalized");
        Map<Party, BigDecimal> scores = submissions.currentScores(id);
        List<FieldProblem> missing = new ArrayList<>();
        for (Party party : Party.values()) {
            if (!scores.containsKey(party)) {
                missing.add(new FieldProblem(party.name(), "has not submitted"));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidState("Finalization needs all three submissions; missing "
                    + String.join(", ", missing.stream().map(FieldProblem::field).toList()) + ".",
                    evaluation.state.name(), missing);
        }
        List<io.jixiao.finding.Finding> open = findings.unaddressed(evaluation);
        if (!open.isEmpty()) {
            throw new InvalidState("The mid-term findings must be closed (整改) before the final evaluation is "
                    + "finalized; " + open.size() + " are not.", evaluation.state.name(), open.stream()
                    .map(f -> new FieldProblem(f.id.toString(), "not rectified: " + f.title)).toList());
        }
        Scoring.Outcome outcome = Scoring.outcome(scores, evaluation.weights(), evaluation.disagreementThreshold);
        String trimmedNote = note == null || note.isBlank() ? null : note.strip();
        if (outcome.disagreement() && trimmedNote == null) {
            throw InvalidInput.of("note", "the parties' scores differ by more than "
                    + evaluation.disagreementThreshold.toPlainString()
                    + " points: explain the disagreement in a note to finalize");
        }
        evaluation.resultBureau = scores.get(Party.BUREAU);
        evaluation.resultStreetOffice = scores.get(Party.STREET_OFFICE);
        evaluation.resultAssessor = scores.get(Party.ASSESSOR);
        evaluation.resultTotalExact = outcome.totalExact();
        evaluation.resultTotal = outcome.total();
        evaluation.resultGrade = outcome.grade();
        evaluation.resultSpread = outcome.spread();
        evaluation.resultFlagged = outcome.disagreement();
        evaluation.finalizationNote = trimmedNote;
        evaluation.finalizedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        evaluation.finalizedBy = caller.username();
        transition(caller, evaluation, EvaluationTransition.Action.FINALIZE, EvaluationState.FINALIZED, trimmedNote);
        evaluations.flush();
        return evaluation;
    }

    @Transactional
    public Evaluation reopen(Caller caller, UUID id, Long expectedVersion, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.of("reason", "a finalized evaluation is reopened only with a written reason");
        }
        Evaluation evaluation = lockForBureau(caller, id, expectedVersion, EvaluationState.FINALIZED, "reopened");
        transition(caller, evaluation, EvaluationTransition.Action.REOPEN, EvaluationState.OPEN, reason.strip());
        evaluation.resultBureau = null;
        evaluation.resultStreetOffice = null;
        evaluation.resultAssessor = null;
        evaluation.resultTotalExact = null;
        evaluation.resultTotal = null;
        evaluation.resultGrade = null;
        evaluation.resultSpread = null;
        evaluation.resultFlagged = null;
        evaluation.finalizationNote = null;
        evaluation.finalizedAt = null;
        evaluation.finalizedBy = null;
        evaluations.flush();
        return evaluation;
    }

    private Evaluation lockForBureau(Caller caller, UUID id, Long expectedVersion, EvaluationState required,
            String verb) {
        Evaluation evaluation = visible(caller, id, LockModeType.PESSIMISTIC_WRITE);
        access.requireBureau(caller, evaluation);
        Versions.requireCurrent(expectedVersion, evaluation.version, "evaluation");
        if (evaluation.state != required) {
            throw new InvalidState("Only a " + required + " evaluation can be " + verb + "; this one is "
                    + evaluation.state + ".", evaluation.state.name());
        }
        return evaluation;
    }

    /** Records the transition (with the result as it stands) and moves the state; the caller flushes. */
    private void transition(Caller caller, Evaluation evaluation, EvaluationTransition.Action action,
            EvaluationState to, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EvaluationTransition record = new EvaluationTransition();
        record.id = UUID.randomUUID();
        record.evaluationId = evaluation.id;
        record.action = action;
        record.fromState = evaluation.state;
        record.toState = to;
        record.actor = caller.username();
        record.actorOrganisation = caller.organisationCode();
        record.reason = reason;
        record.total = evaluation.resultTotal;
        record.grade = evaluation.resultGrade;
        record.at = now;
        evaluations.getEntityManager().persist(record);
        evaluation.state = to;
        evaluation.updatedAt = now;
        evaluation.updatedBy = caller.username();
    }
}
