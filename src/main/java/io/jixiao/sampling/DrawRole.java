package io.jixiao.sampling;

/** How a code came into a sample: drawn to fill the quota, or drawn as a reserve for refusals. */
public enum DrawRole {
    SELECTED,
    RESERVE
}
