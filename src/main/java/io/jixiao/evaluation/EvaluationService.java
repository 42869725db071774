package io.jixiao.evaluation;

import io.jixiao.common.AuditContext;
import io.jixiao.common.JixiaoConfig;
import io.jixiao.common.Outcome;
import io.jixiao.common.error.Conflict;
import io.jixiao.common.error.ExpectedVersion;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.InvalidState;
import io.jixiao.common.error.Versions;
import io.jixiao.common.idempotency.IdempotencyService;
import io.jixiao.common.paging.Cursors;
import io.jixiao.common.paging.Page;
import io.jixiao.common.security.Caller;
import io.jixiao.framework.FrameworkService;
import io.jixiao.framework.Party;
import io.jixiao.organisation.OrganisationDirectory;
import io.jixiao.organisation.OrganisationType;
import io.jixiao.project.ProjectRef;
import io.jixiao.project.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The evaluation lifecycle: DRAFT → OPEN → FINALIZED, REOPEN back to OPEN with a reason. Every
 * transition is recorded. Transitions and score writes lock the evaluation row, so a
 * finalization and an amendment are ordered: the frozen result always equals the submissions
 * stored at that moment. What starts or must hold in neighbouring domains arrives through
 * {@link EvaluationOpened} and {@link FinalizationCheck}, never by calling them.
 */
@ApplicationScoped
public class EvaluationService {

    @Inject
    io.jixiao.audit.AuditTrail trail;

    static final String CREATE_OPERATION = "createEvaluation";

    @Inject
    EvaluationRepository evaluations;

    @Inject
    EvaluationLookup lookup;

    @Inject
    EvaluationAccess access;

    @Inject
    ProjectService projects;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    FrameworkService frameworks;

    @Inject
    PartyScores partyScores;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Event<EvaluationOpened> opened;

    @Inject
    Instance<FinalizationCheck> finalizationChecks;

    @Inject
    AuditContext audit;

    @Inject
    JixiaoConfig config;

    @Transactional
    public Page<Evaluation> list(Caller caller, EvaluationRepository.Filter filter, String cursor, int limit) {
        Long after = cursor == null ? null : Cursors.decodeLong(cursor);
        return Page.of(
                evaluations.list(access.scopeOf(caller), filter, after, limit + 1), limit, e -> String.valueOf(e.seq));
    }

    /** A read: the row in one plain statement, no persistence context (see {@link EvaluationRows}). */
    @Transactional
    public Evaluation get(Caller caller, UUID id) {
        return lookup.forReading(caller, id);
    }

    @Transactional
    public List<EvaluationTransition> transitions(Caller caller, UUID id) {
        lookup.entity(caller, id, LockModeType.NONE);
        return evaluations.transitions(id);
    }

    @Transactional
    public Outcome<Evaluation> create(Caller caller, NewEvaluation request, String idempotencyKey) {
        return idempotency.once(
                caller,
                CREATE_OPERATION,
                idempotencyKey,
                request.toString(),
                evaluations::findById,
                () -> createNew(caller, request),
                e -> e.id);
    }

    private Evaluation createNew(Caller caller, NewEvaluation request) {
        ProjectRef project = projects.ref(caller, request.projectId());
        if (!caller.actsFor(project.supervisorCode()) || !caller.has(io.jixiao.common.security.Roles.BUREAU)) {
            throw new io.jixiao.common.error.Forbidden("Only the supervising bureau (" + project.supervisorCode()
                    + ") creates evaluations of this project.");
        }
        Weights weights = request.weights() == null ? Weights.POLICY : request.weights();
        BigDecimal threshold = request.disagreementThreshold() == null
                ? config.disagreementThreshold().setScale(2)
                : request.disagreementThreshold();
        validate(request, project, weights);
        if (evaluations.count(
                        "projectId = ?1 and fiscalYear = ?2 and phase = ?3",
                        project.id(),
                        request.fiscalYear(),
                        request.phase())
                > 0) {
            throw new Conflict("Project " + project.id() + " already has a " + request.phase() + " evaluation for "
                    + request.fiscalYear() + ".");
        }
        Evaluation evaluation = new Evaluation();
        evaluation.id = UUID.randomUUID();
        evaluation.projectId = project.id();
        evaluation.fiscalYear = request.fiscalYear();
        evaluation.phase = request.phase();
        evaluation.frameworkId = request.frameworkId();
        evaluation.bureauCode = project.supervisorCode();
        evaluation.purchaserCode = project.purchaserCode();
        evaluation.assessorCode = request.assessor();
        evaluation.district = project.district();
        evaluation.providerCode = project.providerCode();
        evaluation.appealWindowDays = request.appealWindowDays();
        evaluation.state = EvaluationState.DRAFT;
        evaluation.weightBureau = weights.bureau();
        evaluation.weightStreetOffice = weights.streetOffice();
        evaluation.weightAssessor = weights.assessor();
        evaluation.disagreementThreshold = threshold;
        evaluations.persistAndFlush(evaluation);
        trail.record("createEvaluation", io.jixiao.audit.AuditSubject.evaluation(evaluation.id));
        return evaluation;
    }

    private void validate(NewEvaluation request, ProjectRef project, Weights weights) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!frameworks.isPublished(request.frameworkId())) {
            problems.add(new FieldProblem("frameworkId", "must be a published framework version"));
        }
        if (!organisations.isRegisteredAs(request.assessor(), OrganisationType.ASSESSOR)) {
            problems.add(new FieldProblem("assessor", "must be the code of a registered assessor organisation"));
        }
        if (!weights.sumToHundred()) {
            problems.add(new FieldProblem("weights", "must sum to exactly 100"));
        }
        if (!project.covers(request.fiscalYear())) {
            problems.add(new FieldProblem(
                    "fiscalYear",
                    "must fall within the contract period (" + project.contractStart() + " to " + project.contractEnd()
                            + ")"));
        }
        if (request.appealWindowDays() != null && (request.appealWindowDays() < 1 || request.appealWindowDays() > 60)) {
            problems.add(new FieldProblem("appealWindowDays", "must be 1..60 days"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    @Transactional
    public Evaluation open(Caller caller, UUID id, ExpectedVersion expectedVersion) {
        Evaluation evaluation = lockForBureau(caller, id, expectedVersion, EvaluationState.DRAFT, "opened");
        transition(caller, evaluation, EvaluationTransition.Action.OPEN, EvaluationState.OPEN, null);
        opened.fire(new EvaluationOpened(evaluation.ref()));
        evaluations.flush();
        trail.record("openEvaluation", io.jixiao.audit.AuditSubject.evaluation(id));
        return evaluation;
    }

    @Transactional
    public Evaluation finalizeResult(Caller caller, UUID id, ExpectedVersion expectedVersion, String note) {
        Evaluation evaluation = lockForBureau(caller, id, expectedVersion, EvaluationState.OPEN, "finalized");
        Map<Party, BigDecimal> scores = partyScores.currentScores(id);
        List<FieldProblem> missing = new ArrayList<>();
        for (Party party : Party.values()) {
            if (!scores.containsKey(party)) {
                missing.add(new FieldProblem(party.name(), "has not submitted"));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidState(
                    "Finalization needs all three submissions; missing "
                            + String.join(
                                    ", ",
                                    missing.stream().map(FieldProblem::field).toList()) + ".",
                    evaluation.state.name(),
                    missing);
        }
        finalizationChecks.forEach(check -> check.check(evaluation.ref()));
        Scoring.Outcome outcome = Scoring.outcome(scores, evaluation.weights(), evaluation.disagreementThreshold);
        String trimmedNote = note == null || note.isBlank() ? null : note.strip();
        if (outcome.disagreement() && trimmedNote == null) {
            throw InvalidInput.of(
                    "note",
                    "the parties' scores differ by more than "
                            + evaluation.disagreementThreshold.toPlainString()
                            + " points: explain the disagreement in a note to finalize");
        }
        evaluation.freezeResult(scores, outcome, trimmedNote, audit.now(), caller.username());
        transition(caller, evaluation, EvaluationTransition.Action.FINALIZE, EvaluationState.FINALIZED, trimmedNote);
        evaluations.flush();
        trail.record("finalizeEvaluation", io.jixiao.audit.AuditSubject.evaluation(id));
        return evaluation;
    }

    @Transactional
    public Evaluation reopen(Caller caller, UUID id, ExpectedVersion expectedVersion, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.of("reason", "a finalized evaluation is reopened only with a written reason");
        }
        Evaluation evaluation = lockForBureau(caller, id, expectedVersion, EvaluationState.FINALIZED, "reopened");
        transition(caller, evaluation, EvaluationTransition.Action.REOPEN, EvaluationState.OPEN, reason.strip());
        evaluation.clearResult();
        evaluations.flush();
        trail.record("reopenEvaluation", io.jixiao.audit.AuditSubject.evaluation(id));
        return evaluation;
    }

    /**
     * Reopens a finalized evaluation because its bureau upheld an appeal: the same reopening as
     * {@link #reopen}, in the appeal's transaction, its REOPEN transition citing the appeal and
     * the ruling's rationale and keeping the total and grade set aside. The evaluation's version
     * is not asked for: the bureau rules on the appeal's version, and the row lock orders this
     * with any other transition.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EvaluationRef reopenForAppeal(Caller caller, UUID id, UUID appealId, String rationale) {
        Evaluation evaluation = lookup.entity(caller, id, LockModeType.PESSIMISTIC_WRITE);
        access.requireBureau(caller, evaluation.ref());
        if (evaluation.state != EvaluationState.FINALIZED) {
            throw new InvalidState(
                    "Only a FINALIZED evaluation can be reopened for an appeal; this one is " + evaluation.state + ".",
                    evaluation.state.name());
        }
        transition(
                caller,
                evaluation,
                EvaluationTransition.Action.REOPEN,
                EvaluationState.OPEN,
                rationale.strip(),
                appealId);
        evaluation.clearResult();
        evaluations.flush();
        return evaluation.ref();
    }

    private Evaluation lockForBureau(
            Caller caller, UUID id, ExpectedVersion expectedVersion, EvaluationState required, String verb) {
        Evaluation evaluation = lookup.entity(caller, id, LockModeType.PESSIMISTIC_WRITE);
        access.requireBureau(caller, evaluation.ref());
        Versions.requireCurrent(expectedVersion, evaluation.version, "evaluation");
        if (evaluation.state != required) {
            throw new InvalidState(
                    "Only a " + required + " evaluation can be " + verb + "; this one is " + evaluation.state + ".",
                    evaluation.state.name());
        }
        return evaluation;
    }

    /** Records the transition (with the result as it stands) and moves the state; the caller flushes. */
    private void transition(
            Caller caller,
            Evaluation evaluation,
            EvaluationTransition.Action action,
            EvaluationState to,
            String reason) {
        transition(caller, evaluation, action, to, reason, null);
    }

    private void transition(
            Caller caller,
            Evaluation evaluation,
            EvaluationTransition.Action action,
            EvaluationState to,
            String reason,
            UUID appealId) {
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
        record.at = audit.now();
        record.appealId = appealId;
        evaluations.getEntityManager().persist(record);
        evaluation.state = to;
    }
}
