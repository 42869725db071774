package io.jixiao.evidence;

/** OUTPUT 产出, BENEFIT 效益, SATISFACTION 满意度. */
public enum IndicatorCategory {
    OUTPUT,
    BENEFIT,
    SATISFACTION
}
