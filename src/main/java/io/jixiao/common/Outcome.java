package io.jixiao.common;

/**
 * The result of a write that may create: the object, and whether it was created now, returned
 * again for a retried request (same Idempotency-Key), or an existing object was replaced.
 */
public record Outcome<T>(T value, Kind kind) {

    public enum Kind {
        CREATED,
        REPLAYED,
        REPLACED
    }

    public static <T> Outcome<T> created(T value) {
        return new Outcome<>(value, Kind.CREATED);
    }

    public static <T> Outcome<T> replayed(T value) {
        return new Outcome<>(value, Kind.REPLAYED);
    }

    public static <T> Outcome<T> replaced(T value) {
        return new Outcome<>(value, Kind.REPLACED);
    }

    /** Created by this request or by the earlier one it repeats: answered 201 with a Location. */
    public boolean created() {
        return kind != Kind.REPLACED;
    }

    public boolean replayed() {
        return kind == Kind.REPLAYED;
    }
}
