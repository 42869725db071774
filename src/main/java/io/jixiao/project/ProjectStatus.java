package io.jixiao.project;

public enum ProjectStatus {
    ACTIVE,
    SUSPENDED,
    CLOSED
}
