package io.jixiao.finding;

/** The report's categories of findings and recommendations. */
public enum FindingCategory {
    POLICY,
    PROJECT_MANAGEMENT,
    PERFORMANCE_MANAGEMENT,
    OTHER
}
