package io.jixiao.evaluation;

/**
 * A condition a neighbouring domain puts on finalization (e.g. mid-term findings rectified
 * before the final evaluation is finalized). Implementations run inside the finalizing
 * transaction, with the evaluation locked, and throw a domain exception to refuse it.
 */
public interface FinalizationCheck {

    void check(EvaluationRef evaluation);
}
