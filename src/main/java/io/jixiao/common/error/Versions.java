package io.jixiao.common.error;

/** Optimistic concurrency for writes to existing objects: the If-Match version must be current. */
public final class Versions {

    private Versions() {
    }

    public static void requireCurrent(Long expected, long current, String what) {
        if (expected == null) {
            throw new PreconditionRequired("Send the ETag of the " + what + " you are replacing in If-Match.");
        }
        if (expected != current) {
            throw new PreconditionFailed("The " + what + " is at version " + current + ", not " + expected
                    + ". Read it again and retry with its new ETag.");
        }
    }
}
