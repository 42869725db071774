package io.jixiao.common.http;

/**
 * The contract's rule for text query parameters: an empty value ({@code ?district=}, as an HTML
 * form sends an empty field) is the same as leaving the parameter out, never a filter on "".
 * Typed parameters (enums, numbers, UUIDs) have no empty value: "" is malformed there.
 */
public final class QueryValues {

    private QueryValues() {}

    public static String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
