package io.jixiao.evaluation;

import io.jixiao.framework.Party;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What other domains need to know of the evaluation they work on (submissions, samples, findings):
 * a snapshot of its identity, parties and state, never the entity itself. {@code appealDeadline},
 * {@code total} and {@code grade} are set only while it is finalized.
 */
public record EvaluationRef(
        UUID id,
        UUID projectId,
        int fiscalYear,
        EvaluationPhase phase,
        EvaluationState state,
        UUID frameworkId,
        String bureauCode,
        String purchaserCode,
        String assessorCode,
        String district,
        String providerCode,
        Instant appealDeadline,
        BigDecimal total,
        Grade grade) {

    /** The organisation that scores for the given party. */
    public String organisationOf(Party party) {
        return switch (party) {
            case BUREAU -> bureauCode;
            case STREET_OFFICE -> purchaserCode;
            case ASSESSOR -> assessorCode;
        };
    }

    public boolean isFinalized() {
        return state == EvaluationState.FINALIZED;
    }

    public boolean isOpen() {
        return state == EvaluationState.OPEN;
    }
}
