package io.jixiao.framework;

/** The three parties that score an evaluation, each on its own sub-tree of the framework. */
public enum Party {
    BUREAU,
    STREET_OFFICE,
    ASSESSOR
}
