package io.jixiao.evaluation;

/** MID_TERM 中期 (in the seed: May), FINAL 末期 (November). */
public enum EvaluationPhase {
    MID_TERM,
    FINAL
}
