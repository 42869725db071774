package io.jixiao.common.error;

/** Optimistic concurrency for writes to existing objects: the If-Match must name the current version. */
public final class Versions {

    private Versions() {}

    /**
     * @param expected what If-Match asked for; null when the header was absent (428)
     */
    public static void requireCurrent(ExpectedVersion expected, long current, String what) {
        if (expected == null) {
            throw new PreconditionRequired("Send the ETag of the " + what + " you are replacing in If-Match.");
        }
        if (!expected.matches(current)) {
            throw new PreconditionFailed("The " + what + " is at version " + current + " (ETag \"" + current
                    + "\"), which If-Match does not name. Read it again and retry with its current ETag.");
        }
    }
}
