package io.jixiao.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: the system clock until a test sets the time, then that
 * instant until it sets another or resets. Replaces {@code common.Clocks} for every
 * {@code @QuarkusTest} (an alternative with a priority), so a test can put "now" on either side
 * of a deadline without sleeping. A test that sets it resets it when done.
 */
public final class MovableClock extends Clock {

    public static final MovableClock INSTANCE = new MovableClock();

    private volatile Instant fixed;

    private MovableClock() {}

    /** From now on the application's "now" is {@code instant}. */
    public static void set(Instant instant) {
        INSTANCE.fixed = instant;
    }

    /** Back to the system clock. */
    public static void reset() {
        INSTANCE.fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.system(zone);
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now == null ? Instant.now() : now;
    }

    /** The producer that puts this clock in place of the application's. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        @Alternative
        @Priority(10)
        Clock clock() {
            return INSTANCE;
        }
    }
}
