package io.jixiao.sampling;

/** AWARENESS 知晓度, SATISFACTION 满意度. */
public enum SampleKind {
    AWARENESS,
    SATISFACTION
}
