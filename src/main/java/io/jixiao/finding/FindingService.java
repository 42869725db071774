package io.jixiao.finding;

import io.jixiao.common.Created;
import io.jixiao.common.error.Forbidden;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.InvalidState;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.error.Versions;
import io.jixiao.common.idempotency.IdempotencyService;
import io.jixiao.common.security.Caller;
import io.jixiao.evaluation.Evaluation;
import io.jixiao.evaluation.EvaluationAccess;
import io.jixiao.evaluation.EvaluationPhase;
import io.jixiao.evaluation.EvaluationRepository;
import io.jixiao.evaluation.EvaluationService;
import io.jixiao.evaluation.EvaluationState;
import io.jixiao.framework.Party;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Findings and recommendations, recorded by an evaluation's assessor organisation or its bureau
 * while it is open. Every finding of a MID_TERM evaluation is a rectification item (整改) that the
 * FINAL evaluation of the same project and year must close, with a status and evidence, before
 * it can be finalized.
 */
@ApplicationScoped
public class FindingService {

    static final String CREATE_OPERATION = "createFinding";

    /** A mid-term finding with its closure, if recorded. */
    public record Item(Finding finding, UUID midTermEvaluationId, Optional<Rectification> closure) {
    }

    /** A new finding or recommendation. */
    public record NewFinding(String kind, String category, String title, String text, UUID addresses) {
    }

    @Inject
    EntityManager em;

    @Inject
    EvaluationService evaluations;

    @Inject
    EvaluationRepository evaluationRepository;

    @Inject
    EvaluationAccess access;

    @Inject
    IdempotencyService idempotency;

    @Transactional
    public List<Finding> list(Caller caller, UUID evaluationId) {
        evaluations.visible(caller, evaluationId, LockModeType.NONE);
        return findingsOf(evaluationId);
    }

    @Transactional
    public Created<Finding> create(Caller caller, UUID evaluationId, NewFinding request, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotency.claim(caller.subject(), CREATE_OPERATION, idempotencyKey,
                    evaluationId + "|" + request);
            if (earlier.isPresent()) {
                return new Created<>(em.find(Finding.class, earlier.get()), true);
            }
        }
        Evaluation evaluation = writable(caller, evaluationId);
        if (request.addresses() != null) {
            Finding addressed = em.find(Finding.class, request.addresses());
            if (!Finding.RECOMMENDATION.equals(request.kind())) {
                throw InvalidInput.of("addresses", "only a recommendation addresses a finding");
            }
            if (addressed == null || !addressed.evaluationId.equals(evaluationId)
                    || !Finding.FINDING.equals(addressed.kind)) {
                throw InvalidInput.of("addresses", "must be a finding of this evaluation");
            }
        }
        Finding finding = new Finding();
        finding.id = UUID.randomUUID();
        finding.evaluationId = evaluation.id;
        finding.kind = request.kind();
        finding.category = request.category();
        finding.title = request.title();
        finding.text = request.text();
        finding.addresses = request.addresses();
        finding.recordedBy = caller.username();
        finding.recordedOrganisation = caller.organisationCode();
        finding.recordedAt = now();
        em.persist(finding);
        em.flush();
        if (idempotencyKey != null) {
            idempotency.complete(caller.subject(), CREATE_OPERATION, idempotencyKey, finding.id);
        }
        return new Created<>(finding, false);
    }

    @Transactional
    public List<Item> rectifications(Caller caller, UUID evaluationId) {
        Evaluation evaluation = evaluations.visible(caller, evaluationId, LockModeType.NONE);
        return items(evaluation);
    }

    /** The closure as recorded; {@code replaced} when it changed an earlier closure. */
    public record Closed(Item item, boolean replaced) {
    }

    @Transactional
    public Closed close(Caller caller, UUID evaluationId, UUID findingId, String status, String evidence,
            Long expectedVersion) {
        Evaluation evaluation = writable(caller, evaluationId);
        Item item = items(evaluation).stream().filter(i -> i.finding().id.equals(findingId)).findFirst()
                .orElseThrow(() -> new NotFound("Finding " + findingId + " is not a mid-term finding of this "
                        + "project and year."));
        Rectification closure;
        if (item.closure().isPresent()) {
            closure = item.closure().get();
            Versions.requireCurrent(expectedVersion, closure.version, "rectification");
        } else {
            closure = new Rectification();
            closure.findingId = findingId;
            closure.finalEvaluationId = evaluation.id;
        }
        closure.status = status;
        closure.evidence = evidence;
        closure.closedBy = caller.username();
        closure.closedAt = now();
        if (item.closure().isEmpty()) {
            em.persist(closure);
        }
        em.flush();
        return new Closed(new Item(item.finding(), item.midTermEvaluationId(), Optional.of(closure)),
                item.closure().isPresent());
    }

    /** The mid-term findings a final evaluation has not closed yet (none for a mid-term one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Finding> unaddressed(Evaluation evaluation) {
        if (evaluation.phase != EvaluationPhase.FINAL) {
            return List.of();
        }
        return items(evaluation).stream().filter(i -> i.closure().isEmpty()).map(Item::finding).toList();
    }

    private List<Item> items(Evaluation evaluation) {
        if (evaluation.phase != EvaluationPhase.FINAL) {
            throw new InvalidState("Rectification items belong to FINAL evaluations; this one is "
                    + evaluation.phase + ".", evaluation.state.name());
        }
        Optional<Evaluation> midTerm = evaluationRepository.find(
                "projectId = ?1 and fiscalYear = ?2 and phase = ?3", evaluation.projectId, evaluation.fiscalYear,
                EvaluationPhase.MID_TERM).firstResultOptional();
        if (midTerm.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = findingsOf(midTerm.get().id).stream()
                .filter(f -> Finding.FINDING.equals(f.kind)).toList();
        if (findings.isEmpty()) {
            return List.of();
        }
        Map<UUID, Rectification> closures = em.createQuery(
                "from Rectification r where r.findingId in :ids", Rectification.class)
                .setParameter("ids", findings.stream().map(f -> f.id).collect(Collectors.toSet()))
                .getResultStream().collect(Collectors.toMap(r -> r.findingId, Function.identity()));
        return findings.stream()
                .map(f -> new Item(f, midTerm.get().id, Optional.ofNullable(closures.get(f.id)))).toList();
    }

    private List<Finding> findingsOf(UUID evaluationId) {
        return em.createQuery("from Finding f where f.evaluationId = :e order by f.seq", Finding.class)
                .setParameter("e", evaluationId).getResultList();
    }

    /** The evaluation, locked, when the caller is its assessor or bureau and it is open. */
    private Evaluation writable(Caller caller, UUID evaluationId) {
        Evaluation evaluation = evaluations.visible(caller, evaluationId, LockModeType.PESSIMISTIC_WRITE);
        Set<Party> parties = access.partiesOf(caller, evaluation);
        if (!parties.contains(Party.ASSESSOR) && !parties.contains(Party.BUREAU)) {
            throw new Forbidden("Findings are recorded by the evaluation's assessor organisation or its bureau.");
        }
        if (evaluation.state != EvaluationState.OPEN) {
            throw new InvalidState("Findings are recorded while the evaluation is OPEN; it is " + evaluation.state
                    + ".", evaluation.state.name());
        }
        return evaluation;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
