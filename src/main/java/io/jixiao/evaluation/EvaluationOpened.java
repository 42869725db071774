package io.jixiao.evaluation;

/**
 * Fired (synchronously, inside the opening transaction) when an evaluation opens, so that what
 * starts with it — the policy samples — starts in the same transaction, by observers in their own
 * domains.
 */
public record EvaluationOpened(EvaluationRef evaluation) {}
