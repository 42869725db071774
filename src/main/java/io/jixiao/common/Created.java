package io.jixiao.common;

/** The result of a create: the object, and whether it was replayed from an earlier request. */
public record Created<T>(T value, boolean replayed) {
}
