package io.jixiao.evaluation;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The window in which the evaluated provider may appeal a finalized result: until the end of the
 * N-th calendar day after the day of finalization, China Standard Time (a result finalized on
 * 1 December with the default 10 days may be appealed until 11 December 23:59:59). The deadline
 * is that last second; an appeal is accepted at any moment before the following second begins.
 */
public final class AppealWindow {

    public static final int DEFAULT_DAYS = 10;
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private AppealWindow() {}

    /** The last second of the window (23:59:59 China Standard Time). */
    public static Instant deadline(Instant finalizedAt, int days) {
        return finalizedAt
                .atZone(CHINA)
                .toLocalDate()
                .plusDays(days)
                .atTime(LocalTime.of(23, 59, 59))
                .atZone(CHINA)
                .toInstant();
    }

    /** Whether an appeal made at {@code now} is within the window ending at {@code deadline}. */
    public static boolean accepts(Instant deadline, Instant now) {
        return now.isBefore(deadline.plusSeconds(1));
    }
}
