package io.jixiao.common.error;

import java.util.Set;

/**
 * What a write's If-Match header asks for (RFC 9110 §13.1.1): any current version ({@code *}),
 * or one of a list of versions, compared strongly — a weak tag ({@code W/"0"}) never matches.
 */
public record ExpectedVersion(boolean any, Set<Long> versions) {

    public static ExpectedVersion anyVersion() {
        return new ExpectedVersion(true, Set.of());
    }

    public static ExpectedVersion oneOf(Set<Long> versions) {
        return new ExpectedVersion(false, Set.copyOf(versions));
    }

    public boolean matches(long current) {
        return any || versions.contains(current);
    }
}
