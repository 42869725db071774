package io.jixiao.evaluation;

/** DRAFT → OPEN → FINALIZED, and back to OPEN only through a reasoned reopening. */
public enum EvaluationState {
    DRAFT,
    OPEN,
    FINALIZED
}
