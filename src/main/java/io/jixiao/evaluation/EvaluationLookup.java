package io.jixiao.evaluation;

import io.jixiao.common.error.NotFound;
import io.jixiao.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.ReadOnlyMode;
import org.hibernate.Session;

/**
 * Finds the evaluation a request works on, in the caller's scope, optionally locked: the one way
 * every domain (this one included) loads an evaluation. It loads by primary key and then applies
 * the scope rules to the row, so the lookup never depends on table statistics; out of scope and
 * missing both answer not found.
 */
@ApplicationScoped
public class EvaluationLookup {

    @Inject
    EvaluationRepository evaluations;

    @Inject
    EvaluationAccess access;

    @Inject
    EvaluationRows rows;

    /** The evaluation as the caller may see it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EvaluationRef visible(Caller caller, UUID id) {
        return entity(caller, id, LockModeType.NONE).ref();
    }

    /**
     * The evaluation as the caller may see it, for a transaction that only reads: the row by
     * primary key in one plain statement ({@link EvaluationRows}), detached, with the same scope
     * rules. Not for a transaction that has changed the evaluation through Hibernate.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EvaluationRef visibleForReading(Caller caller, UUID id) {
        return forReading(caller, id).ref();
    }

    Evaluation forReading(Caller caller, UUID id) {
        return rows.find(id)
                .filter(evaluation -> access.mayRead(caller, evaluation))
                .orElseThrow(() -> new NotFound("Evaluation " + id + " was not found."));
    }

    /**
     * The evaluation, row-locked until the caller's transaction ends: score writes, sampling and
     * findings are ordered with transitions such as finalization.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EvaluationRef locked(Caller caller, UUID id) {
        return entity(caller, id, LockModeType.PESSIMISTIC_WRITE).ref();
    }

    /**
     * The evaluation of one of the provider's projects, locked, whatever its state (an appeal
     * needs to say "not finalized" rather than "not found" to the provider evaluated). Any other
     * caller, and another provider, find nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EvaluationRef lockedForProvider(Caller caller, UUID id) {
        Evaluation evaluation = evaluations.findById(id);
        if (evaluation == null || !access.isProvider(caller, evaluation.ref())) {
            throw new NotFound("Evaluation " + id + " was not found.");
        }
        lock(evaluation, LockModeType.PESSIMISTIC_WRITE);
        return evaluation.ref();
    }

    /** The evaluation if the caller is the provider it evaluates, whatever its state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<EvaluationRef> ofProvider(Caller caller, UUID id) {
        return Optional.ofNullable(evaluations.findById(id))
                .map(Evaluation::ref)
                .filter(ref -> access.isProvider(caller, ref));
    }

    /** The MID_TERM evaluation of the same project and year as the given one, if there is one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<EvaluationRef> midTermOf(EvaluationRef evaluation) {
        return evaluations
                .find(
                        "projectId = ?1 and fiscalYear = ?2 and phase = ?3",
                        evaluation.projectId(),
                        evaluation.fiscalYear(),
                        EvaluationPhase.MID_TERM)
                .firstResultOptional()
                .map(Evaluation::ref);
    }

    /** Whether the organisation is the assessor of an evaluation of the project and year in that state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean assessorAssigned(UUID projectId, int fiscalYear, String organisation, EvaluationState state) {
        return evaluations.assessorAssigned(projectId, fiscalYear, organisation, state);
    }

    /**
     * Loaded by primary key first; locked only once the caller is known to see it. Without a lock
     * the row is loaded read-only: Hibernate keeps no snapshot of it and the flush at commit has
     * nothing to compare (a transition that changes it asks for a lock, which makes it writable).
     */
    Evaluation entity(Caller caller, UUID id, LockModeType lock) {
        Evaluation evaluation = lock == LockModeType.NONE
                ? evaluations.getEntityManager().find(Evaluation.class, id, ReadOnlyMode.READ_ONLY)
                : evaluations.findById(id);
        if (evaluation == null || !access.mayRead(caller, evaluation)) {
            throw new NotFound("Evaluation " + id + " was not found.");
        }
        if (lock != LockModeType.NONE) {
            lock(evaluation, lock);
        }
        return evaluation;
    }

    /** Re-reads the row under the lock; an instance an earlier read loaded read-only becomes writable. */
    private void lock(Evaluation evaluation, LockModeType lock) {
        Session session = evaluations.getEntityManager().unwrap(Session.class);
        if (session.isReadOnly(evaluation)) {
            session.setReadOnly(evaluation, false);
        }
        session.refresh(evaluation, lock);
    }
}
