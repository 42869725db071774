package io.jixiao.framework;

public enum FrameworkStatus {
    DRAFT,
    PUBLISHED
}
