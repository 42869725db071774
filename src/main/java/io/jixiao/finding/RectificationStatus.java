package io.jixiao.finding;

/** How far the final evaluation found a mid-term finding rectified (整改). */
public enum RectificationStatus {
    RESOLVED,
    PARTIALLY_RESOLVED,
    UNRESOLVED
}
