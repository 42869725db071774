package io.jixiao.evaluation;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What a bureau supplies to create an evaluation; null weights, threshold and appeal window take
 * the defaults.
 */
public record NewEvaluation(
        UUID projectId,
        int fiscalYear,
        EvaluationPhase phase,
        UUID frameworkId,
        String assessor,
        Weights weights,
        BigDecimal disagreementThreshold,
        Integer appealWindowDays) {}
