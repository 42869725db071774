package io.jixiao.finding;

/** A finding (问题) of the evaluation, or a recommendation (建议). */
public enum FindingKind {
    FINDING,
    RECOMMENDATION
}
