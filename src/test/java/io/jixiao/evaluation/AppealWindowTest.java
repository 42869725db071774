package io.jixiao.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppealWindowTest {

    @Test
    void theWindowEndsAtTheLastSecondOfTheNthDayChinaTime() {
        // 2022-12-01 10:00 Beijing → 2022-12-11 23:59:59 Beijing
        assertEquals(
                Instant.parse("2022-12-11T15:59:59Z"),
                AppealWindow.deadline(Instant.parse("2022-12-01T02:00:00Z"), 10));
    }

    @Test
    void theDayOfFinalizationIsTheChineseCalendarDay() {
        // 2022-11-30 16:30 UTC is already 1 December 00:30 in Beijing
        assertEquals(
                Instant.parse("2022-12-11T15:59:59Z"),
                AppealWindow.deadline(Instant.parse("2022-11-30T16:30:00Z"), 10));
        // 2022-12-01 15:59 UTC is still 1 December 23:59 in Beijing
        assertEquals(
                Instant.parse("2022-12-04T15:59:59Z"), AppealWindow.deadline(Instant.parse("2022-12-01T15:59:00Z"), 3));
    }

    @Test
    void theWholeLastSecondIsInsideAndTheNextOneOutside() {
        Instant deadline = Instant.parse("2022-12-11T15:59:59Z");
        assertTrue(AppealWindow.accepts(deadline, deadline.minusSeconds(86_400)));
        assertTrue(AppealWindow.accepts(deadline, deadline));
        assertTrue(AppealWindow.accepts(deadline, deadline.plusNanos(999_999_000)));
        assertFalse(AppealWindow.accepts(deadline, deadline.plusSeconds(1)));
        assertFalse(AppealWindow.accepts(deadline, deadline.plusSeconds(86_400)));
    }
}
