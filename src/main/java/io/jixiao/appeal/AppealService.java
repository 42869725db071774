package io.jixiao.appeal;

import io.jixiao.common.AuditContext;
import io.jixiao.common.Outcome;
import io.jixiao.common.error.Conflict;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.Forbidden;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.InvalidState;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.error.Versions;
import io.jixiao.common.idempotency.IdempotencyService;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import io.jixiao.evaluation.AppealWindow;
import io.jixiao.evaluation.EvaluationAccess;
import io.jixiao.evaluation.EvaluationLookup;
import io.jixiao.evaluation.EvaluationRef;
import io.jixiao.evaluation.EvaluationService;
import io.jixiao.finding.FindingService;
import io.jixiao.framework.FrameworkService;
import io.jixiao.framework.Party;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Appeals of the evaluated provider and the bureau's ruling. The provider appeals a FINALIZED
 * result within its window, one open appeal at a time, citing items, parties or findings of that
 * evaluation; the evaluation's bureau rules once. An upheld appeal reopens the evaluation through
 * {@link EvaluationService#reopenForAppeal}, in the same transaction, so the REOPEN transition
 * cites the appeal. Every refusal happens before anything is written.
 */
@ApplicationScoped
public class AppealService {

    @Inject
    io.jixiao.audit.AuditTrail trail;

    static final String FILE_OPERATION = "fileAppeal";

    /** What the provider files. */
    public record NewAppeal(String summary, List<AppealGround> grounds, List<String> evidence) {}

    @Inject
    AppealRepository appeals;

    @Inject
    EvaluationLookup lookup;

    @Inject
    EvaluationAccess access;

    @Inject
    EvaluationService evaluations;

    @Inject
    FrameworkService frameworks;

    @Inject
    FindingService findings;

    @Inject
    IdempotencyService idempotency;

    @Inject
    AuditContext audit;

    @Transactional
    public List<Appeal> list(Caller caller, UUID evaluationId) {
        requireReader(caller, evaluationId);
        return appeals.ofEvaluation(evaluationId);
    }

    @Transactional
    public Appeal get(Caller caller, UUID evaluationId, UUID appealId) {
        requireReader(caller, evaluationId);
        return find(evaluationId, appealId);
    }

    @Transactional
    public Outcome<Appeal> file(Caller caller, UUID evaluationId, NewAppeal request, String idempotencyKey) {
        if (!caller.has(Roles.PROVIDER)) {
            throw new Forbidden("Appeals are filed by the service provider evaluated.");
        }
        return idempotency.once(
                caller,
                FILE_OPERATION,
                idempotencyKey,
                evaluationId + "|" + request,
                appeals::findById,
                () -> fileNew(caller, evaluationId, request),
                a -> a.id);
    }

    private Appeal fileNew(Caller caller, UUID evaluationId, NewAppeal request) {
        EvaluationRef evaluation = lookup.lockedForProvider(caller, evaluationId);
        if (!evaluation.isFinalized()) {
            throw new InvalidState(
                    "Only a finalized result can be appealed; evaluation " + evaluationId + " is " + evaluation.state()
                            + ".",
                    evaluation.state().name());
        }
        Instant now = audit.now();
        if (!AppealWindow.accepts(evaluation.appealDeadline(), now)) {
            throw new InvalidState(
                    "The appeal window of evaluation " + evaluationId + " closed at " + evaluation.appealDeadline()
                            + ".",
                    "APPEAL_WINDOW_CLOSED");
        }
        if (appeals.hasOpen(evaluationId)) {
            throw new Conflict("Evaluation " + evaluationId + " already has an open appeal; "
                    + "a new one can be filed once the bureau has ruled on it.");
        }
        validate(evaluation, request);
        Appeal appeal = new Appeal();
        appeal.id = UUID.randomUUID();
        appeal.evaluationId = evaluationId;
        appeal.providerCode = evaluation.providerCode();
        appeal.status = AppealStatus.OPEN;
        appeal.summary = request.summary().strip();
        appeal.grounds = new ArrayList<>(request.grounds().stream()
                .map(g -> new AppealGround(g.target, g.reference.strip(), g.statement.strip()))
                .toList());
        appeal.evidence =
                new ArrayList<>(request.evidence().stream().map(String::strip).toList());
        appeal.appealedTotal = evaluation.total();
        appeal.appealedGrade = evaluation.grade();
        appeal.deadline = evaluation.appealDeadline();
        appeal.filedBy = caller.username();
        appeal.filedAt = now;
        appeals.persistAndFlush(appeal);
        trail.record("fileAppeal", io.jixiao.audit.AuditSubject.appeal(appeal.evaluationId, appeal.id));
        return appeal;
    }

    /** Each ground must name an item of the evaluation's framework, a party, or one of its findings. */
    private void validate(EvaluationRef evaluation, NewAppeal request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.summary() == null || request.summary().isBlank()) {
            problems.add(new FieldProblem("summary", "must not be blank"));
        }
        Set<String> items = new HashSet<>();
        for (Party party : Party.values()) {
            items.addAll(frameworks.maxPointsOf(evaluation.frameworkId(), party).keySet());
        }
        Set<UUID> findingIds = findings.idsOf(evaluation);
        for (int i = 0; i < request.grounds().size(); i++) {
            AppealGround ground = request.grounds().get(i);
            String field = "grounds[" + i + "]";
            if (ground.statement == null || ground.statement.isBlank()) {
                problems.add(new FieldProblem(field + ".statement", "must not be blank"));
            }
            String reference = ground.reference == null ? "" : ground.reference.strip();
            String problem = switch (ground.target) {
                case ITEM ->
                    items.contains(reference) ? null : "must be an item code of the evaluation's framework (e.g. A5.2)";
                case PARTY -> isParty(reference) ? null : "must be BUREAU, STREET_OFFICE or ASSESSOR";
                case FINDING ->
                    isFinding(reference, findingIds)
                            ? null
                            : "must be the id of a finding or recommendation of this evaluation";
            };
            if (problem != null) {
                problems.add(new FieldProblem(field + ".reference", problem));
            }
        }
        for (int i = 0; i < request.evidence().size(); i++) {
            if (request.evidence().get(i) == null || request.evidence().get(i).isBlank()) {
                problems.add(new FieldProblem("evidence[" + i + "]", "must not be blank"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private static boolean isParty(String reference) {
        for (Party party : Party.values()) {
            if (party.name().equals(reference)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFinding(String reference, Set<UUID> findingIds) {
        try {
            return findingIds.contains(UUID.fromString(reference));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The evaluation's bureau rules once, UPHELD (reopening the evaluation) or REJECTED. */
    @Transactional
    public Appeal rule(
            Caller caller,
            UUID evaluationId,
            UUID appealId,
            AppealStatus decision,
            String rationale,
            io.jixiao.common.error.ExpectedVersion expectedVersion) {
        EvaluationRef evaluation = lookup.locked(caller, evaluationId);
        access.requireBureau(caller, evaluation);
        Appeal appeal = find(evaluationId, appealId);
        Versions.requireCurrent(expectedVersion, appeal.version, "appeal");
        if (decision == AppealStatus.OPEN) {
            throw InvalidInput.of("decision", "must be UPHELD or REJECTED");
        }
        if (rationale == null || rationale.isBlank()) {
            throw InvalidInput.of("rationale", "a ruling is recorded with a written rationale");
        }
        if (appeal.status != AppealStatus.OPEN) {
            throw new InvalidState(
                    "Appeal " + appealId + " has already been ruled on (" + appeal.status + ").", appeal.status.name());
        }
        appeal.rule(decision, rationale.strip(), caller.username(), caller.organisationCode(), audit.now());
        appeals.flush();
        if (decision == AppealStatus.UPHELD) {
            evaluations.reopenForAppeal(caller, evaluationId, appealId, rationale);
        }
        trail.record("ruleOnAppeal", io.jixiao.audit.AuditSubject.appeal(evaluationId, appealId));
        return appeal;
    }

    private Appeal find(UUID evaluationId, UUID appealId) {
        Appeal appeal = appeals.findById(appealId);
        if (appeal == null || !appeal.evaluationId.equals(evaluationId)) {
            throw new NotFound("Appeal " + appealId + " was not found.");
        }
        return appeal;
    }

    /**
     * Appeals are read by whoever sees the evaluation (its parties, auditors) and by the provider
     * evaluated — also while the evaluation is reopened after an upheld appeal, so the provider
     * follows what became of its appeal. Before the first finalization a provider finds nothing.
     */
    private void requireReader(Caller caller, UUID evaluationId) {
        if (caller.has(Roles.PROVIDER)) {
            Optional<EvaluationRef> own = lookup.ofProvider(caller, evaluationId);
            if (own.isPresent()
                    && (own.get().isFinalized()
                            || !appeals.ofEvaluation(evaluationId).isEmpty())) {
                return;
            }
        }
        lookup.visible(caller, evaluationId);
    }
}
