package io.jixiao.common.error;

/** One field at fault in a request, named by its JSON path (e.g. {@code contractEnd}). */
public record FieldProblem(String field, String message) {}
