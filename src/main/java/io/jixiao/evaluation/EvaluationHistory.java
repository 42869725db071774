package io.jixiao.evaluation;

import io.jixiao.common.AuditContext;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.security.Caller;
import io.jixiao.framework.Party;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Point-in-time reads ({@code asOf}): the evaluation as it stood at an instant, rebuilt from what
 * is recorded anyway — the row's fixed columns and creation time, its transitions (OPEN, FINALIZE,
 * REOPEN, an upheld appeal's REOPEN included) and the submission revisions — so it answers for all
 * data, not only data written after this class existed.
 *
 * <p>The snapshot is a detached {@link Evaluation} (never persisted) with the state, frozen result
 * and version of that instant, so that the one set of scope rules ({@link EvaluationAccess}) and
 * the one result computation ({@link ResultService}) apply to it unchanged: a provider sees it only
 * if it was FINALIZED then, a party sees the others' scores only if it was finalized then.
 *
 * <p>The frozen result of a finalization that was reopened since is not stored any more (reopening
 * clears it; the REOPEN transition keeps only the total and grade). It is recomputed exactly as
 * finalization computed it: finalization locks the evaluation, so the scores it froze are each
 * party's revision in force at the FINALIZE transition's instant.
 */
@ApplicationScoped
public class EvaluationHistory {

    private static final Logger LOG = Logger.getLogger(EvaluationHistory.class);

    @Inject
    EvaluationRepository evaluations;

    @Inject
    EvaluationAccess access;

    @Inject
    ResultService results;

    @Inject
    PartyScoreHistory scores;

    @Inject
    AuditContext audit;

    /** The evaluation as the caller would have seen it at {@code asOf}. */
    @Transactional
    public Evaluation get(Caller caller, UUID id, Instant asOf) {
        return visible(caller, id, asOf);
    }

    /** Its result as the caller would have read it at {@code asOf}. */
    @Transactional
    public ResultService.View result(Caller caller, UUID id, Instant asOf) {
        Evaluation then = visible(caller, id, asOf);
        return results.view(caller, then, () -> scores.scoresAsOf(id, asOf));
    }

    /** For neighbouring domains (submissions): the evaluation's reference as of the instant, in scope then. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EvaluationRef visibleRef(Caller caller, UUID id, Instant asOf) {
        return visible(caller, id, asOf).ref();
    }

    private Evaluation visible(Caller caller, UUID id, Instant asOf) {
        requirePast(asOf);
        Evaluation current = evaluations.findById(id);
        if (current == null || current.createdAt.isAfter(asOf)) {
            throw notFound(id, asOf);
        }
        Evaluation then = snapshot(current, evaluations.transitions(id), asOf);
        if (!access.mayRead(caller, then)) {
            throw notFound(id, asOf);
        }
        return then;
    }

    /** The future has no record yet; an answer for it would change without notice. */
    private void requirePast(Instant asOf) {
        Instant now = audit.now();
        if (asOf.isAfter(now)) {
            throw InvalidInput.of("asOf", "must not be in the future (the server's time is " + now + ")");
        }
    }

    private static NotFound notFound(UUID id, Instant asOf) {
        return new NotFound("Evaluation " + id + " was not found as of " + asOf + ".");
    }

    /** The evaluation at {@code asOf}, from its current row and its transitions in recorded order. */
    Evaluation snapshot(Evaluation current, List<EvaluationTransition> transitions, Instant asOf) {
        List<EvaluationTransition> upTo =
                transitions.stream().filter(t -> !t.at.isAfter(asOf)).toList();
        Evaluation then = copyFixed(current);
        then.version = upTo.size(); // each transition is one update of the row
        then.state = EvaluationState.DRAFT;
        then.updatedAt = current.createdAt;
        then.updatedBy = current.createdBy;
        if (upTo.isEmpty()) {
            return then;
        }
        EvaluationTransition last = upTo.get(upTo.size() - 1);
        then.state = last.toState;
        then.updatedAt = last.at;
        then.updatedBy = last.actor;
        if (last.action == EvaluationTransition.Action.FINALIZE) {
            boolean stillInForce = upTo.size() == transitions.size() && current.state == EvaluationState.FINALIZED;
            if (stillInForce) {
                copyFrozenResult(current, then);
            } else {
                refreeze(then, last, upTo.size() < transitions.size() ? transitions.get(upTo.size()) : null);
            }
        }
        return then;
    }

    /**
     * Recomputes the result a finalization froze, from the scores in force at its instant (a
     * revision stamped at the same instant preceded it: finalization and score writes lock the
     * evaluation). Amendments are refused while FINALIZED, so the scores in force just before the
     * next transition are the same ones; they are asked for only if a clock out of step put a
     * revision a little after the FINALIZE stamp.
     */
    private void refreeze(Evaluation then, EvaluationTransition finalization, EvaluationTransition next) {
        Map<Party, BigDecimal> frozen = scores.scoresAsOf(then.id, finalization.at);
        if (frozen.size() != Party.values().length && next != null) {
            frozen = scores.scoresAsOf(then.id, next.at.minusNanos(1000));
        }
        if (frozen.size() != Party.values().length) {
            throw new IllegalStateException("Evaluation " + then.id + ": the finalization of " + finalization.at
                    + " has " + frozen.size() + " of 3 submissions on record");
        }
        Scoring.Outcome outcome = Scoring.outcome(frozen, then.weights(), then.disagreementThreshold);
        then.freezeResult(frozen, outcome, finalization.reason, finalization.at, finalization.actor);
        if (finalization.total != null && outcome.total().compareTo(finalization.total) != 0) {
            LOG.warnf(
                    "Evaluation %s: the finalization of %s recorded %s, the scores then give %s",
                    then.id, finalization.at, finalization.total, outcome.total());
        }
    }

    private static Evaluation copyFixed(Evaluation e) {
        Evaluation copy = new Evaluation();
        copy.id = e.id;
        copy.seq = e.seq;
        copy.projectId = e.projectId;
        copy.fiscalYear = e.fiscalYear;
        copy.phase = e.phase;
        copy.frameworkId = e.frameworkId;
        copy.bureauCode = e.bureauCode;
        copy.purchaserCode = e.purchaserCode;
        copy.assessorCode = e.assessorCode;
        copy.district = e.district;
        copy.providerCode = e.providerCode;
        copy.appealWindowDays = e.appealWindowDays;
        copy.weightBureau = e.weightBureau;
        copy.weightStreetOffice = e.weightStreetOffice;
        copy.weightAssessor = e.weightAssessor;
        copy.disagreementThreshold = e.disagreementThreshold;
        copy.createdAt = e.createdAt;
        copy.createdBy = e.createdBy;
        return copy;
    }

    private static void copyFrozenResult(Evaluation from, Evaluation to) {
        to.resultBureau = from.resultBureau;
        to.resultStreetOffice = from.resultStreetOffice;
        to.resultAssessor = from.resultAssessor;
        to.resultTotalExact = from.resultTotalExact;
        to.resultTotal = from.resultTotal;
        to.resultGrade = from.resultGrade;
        to.resultSpread = from.resultSpread;
        to.resultFlagged = from.resultFlagged;
        to.finalizationNote = from.finalizationNote;
        to.finalizedAt = from.finalizedAt;
        to.finalizedBy = from.finalizedBy;
    }
}
