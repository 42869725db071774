package io.jixiao.common.http;

import java.util.Optional;

/**
 * Text the service refuses wherever it arrives (JSON strings, path segments, query values):
 * U+0000, which PostgreSQL cannot store, and a lone UTF-16 surrogate, which would be stored
 * changed (as '?'). Refused, never silently altered.
 */
final class UnsafeText {

    private UnsafeText() {}

    /** Why the text is refused, or empty when it is acceptable. */
    static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain the character U+0000");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("must not contain a lone UTF-16 surrogate");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("must not contain a lone UTF-16 surrogate");
            }
        }
        return Optional.empty();
    }
}
