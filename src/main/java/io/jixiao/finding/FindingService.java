package io.jixiao.finding;

import io.jixiao.common.AuditContext;
import io.jixiao.common.Outcome;
import io.jixiao.common.error.ExpectedVersion;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.InvalidState;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.error.Versions;
import io.jixiao.common.idempotency.IdempotencyService;
import io.jixiao.common.security.Caller;
import io.jixiao.evaluation.EvaluationAccess;
import io.jixiao.evaluation.EvaluationLookup;
import io.jixiao.evaluation.EvaluationPhase;
import io.jixiao.evaluation.EvaluationRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Findings and recommendations, recorded by an evaluation's assessor organisation or its bureau
 * while it is open. Every finding of a MID_TERM evaluation is a rectification item (整改) that the
 * FINAL evaluation of the same project and year must close, with a status and evidence, before
 * it can be finalized ({@link RectificationCheck}).
 */
@ApplicationScoped
public class FindingService {

    @Inject
    io.jixiao.audit.AuditTrail trail;

    static final String CREATE_OPERATION = "createFinding";

    /** A mid-term finding with its closure, if recorded. */
    public record Item(Finding finding, UUID midTermEvaluationId, Optional<Rectification> closure) {}

    /** A new finding or recommendation. */
    public record NewFinding(FindingKind kind, FindingCategory category, String title, String text, UUID addresses) {}

    @Inject
    FindingRepository findings;

    @Inject
    RectificationRepository rectifications;

    @Inject
    EvaluationLookup evaluations;

    @Inject
    EvaluationAccess access;

    @Inject
    IdempotencyService idempotency;

    @Inject
    AuditContext audit;

    @Transactional
    public List<Finding> list(Caller caller, UUID evaluationId) {
        evaluations.visible(caller, evaluationId);
        return findings.ofEvaluation(evaluationId);
    }

    @Transactional
    public Finding get(Caller caller, UUID evaluationId, UUID findingId) {
        evaluations.visible(caller, evaluationId);
        Finding finding = findings.findById(findingId);
        if (finding == null || !finding.evaluationId.equals(evaluationId)) {
            throw new NotFound("Evaluation " + evaluationId + " has no finding " + findingId + ".");
        }
        return finding;
    }

    @Transactional
    public Outcome<Finding> create(Caller caller, UUID evaluationId, NewFinding request, String idempotencyKey) {
        return idempotency.once(
                caller,
                CREATE_OPERATION,
                idempotencyKey,
                evaluationId.toString(),
                request.toString(),
                findings::findById,
                () -> record(caller, evaluationId, request),
                f -> f.id);
    }

    private Finding record(Caller caller, UUID evaluationId, NewFinding request) {
        EvaluationRef evaluation = writable(caller, evaluationId);
        if (request.addresses() != null) {
            Finding addressed = findings.findById(request.addresses());
            if (request.kind() != FindingKind.RECOMMENDATION) {
                throw InvalidInput.of("addresses", "only a recommendation addresses a finding");
            }
            if (addressed == null
                    || !addressed.evaluationId.equals(evaluationId)
                    || addressed.kind != FindingKind.FINDING) {
                throw InvalidInput.of("addresses", "must be a finding of this evaluation");
            }
        }
        Finding finding = new Finding();
        finding.id = UUID.randomUUID();
        finding.evaluationId = evaluation.id();
        finding.kind = request.kind();
        finding.category = request.category();
        finding.title = request.title();
        finding.text = request.text();
        finding.addresses = request.addresses();
        finding.recordedBy = caller.username();
        finding.recordedOrganisation = caller.organisationCode();
        finding.recordedAt = audit.now();
        findings.persistAndFlush(finding);
        trail.record("createFinding", io.jixiao.audit.AuditSubject.finding(evaluation.id(), finding.id));
        return finding;
    }

    @Transactional
    public List<Item> rectifications(Caller caller, UUID evaluationId) {
        return items(evaluations.visible(caller, evaluationId));
    }

    /** Records (or replaces) how the final evaluation closed a mid-term finding. */
    @Transactional
    public Outcome<Item> close(
            Caller caller,
            UUID evaluationId,
            UUID findingId,
            RectificationStatus status,
            String evidence,
            ExpectedVersion expectedVersion) {
        EvaluationRef evaluation = writable(caller, evaluationId);
        Item item = items(evaluation).stream()
                .filter(i -> i.finding().id.equals(findingId))
                .findFirst()
                .orElseThrow(() -> new NotFound(
                        "Finding " + findingId + " is not a mid-term finding of this " + "project and year."));
        Rectification closure;
        if (item.closure().isPresent()) {
            closure = item.closure().get();
            Versions.requireCurrent(expectedVersion, closure.version, "rectification");
        } else {
            closure = new Rectification();
            closure.findingId = findingId;
            closure.finalEvaluationId = evaluation.id();
        }
        closure.status = status;
        closure.evidence = evidence;
        closure.closedBy = caller.username();
        closure.closedAt = audit.now();
        if (item.closure().isEmpty()) {
            rectifications.persist(closure);
        }
        rectifications.flush();
        trail.record("closeRectification", io.jixiao.audit.AuditSubject.rectification(evaluationId, findingId));
        Item closed = new Item(item.finding(), item.midTermEvaluationId(), Optional.of(closure));
        return item.closure().isPresent() ? Outcome.replaced(closed) : Outcome.created(closed);
    }

    /** The ids of the findings and recommendations recorded in the evaluation (appeals cite them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Set<UUID> idsOf(EvaluationRef evaluation) {
        return findings.ofEvaluation(evaluation.id()).stream()
                .map(f -> f.id)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The mid-term findings a final evaluation has not closed yet (none for a mid-term one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Finding> unaddressed(EvaluationRef evaluation) {
        if (evaluation.phase() != EvaluationPhase.FINAL) {
            return List.of();
        }
        return items(evaluation).stream()
                .filter(i -> i.closure().isEmpty())
                .map(Item::finding)
                .toList();
    }

    private List<Item> items(EvaluationRef evaluation) {
        if (evaluation.phase() != EvaluationPhase.FINAL) {
            throw new InvalidState(
                    "Rectification items belong to FINAL evaluations; this one is " + evaluation.phase() + ".",
                    evaluation.state().name());
        }
        Optional<EvaluationRef> midTerm = evaluations.midTermOf(evaluation);
        if (midTerm.isEmpty()) {
            return List.of();
        }
        List<Finding> open = findings.ofEvaluation(midTerm.get().id()).stream()
                .filter(f -> f.kind == FindingKind.FINDING)
                .toList();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<UUID, Rectification> closures = rectifications
                .ofFindings(open.stream().map(f -> f.id).toList())
                .stream()
                .collect(Collectors.toMap(r -> r.findingId, Function.identity()));
        return open.stream()
                .map(f -> new Item(f, midTerm.get().id(), Optional.ofNullable(closures.get(f.id))))
                .toList();
    }

    /** The evaluation, locked, when the caller is its assessor or bureau and it is open. */
    private EvaluationRef writable(Caller caller, UUID evaluationId) {
        EvaluationRef evaluation = evaluations.locked(caller, evaluationId);
        access.requireAssessorOrBureau(caller, evaluation, "Findings");
        access.requireOpen(evaluation, "Findings are recorded");
        return evaluation;
    }
}
