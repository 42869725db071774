package io.jixiao.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 2022 Wenchong indicator table: every completion rate of the report, reproduced exactly. */
class IndicatorCompletionTest {

    @ParameterizedTest(name = "{0}: {1} of {2} → {3}")
    @CsvSource(
            nullValues = "—",
            value = {
                "电访, 886, 860, 103.02",
                "探访, 810, 808, 100.25",
                "个案接案, 55, 45, 122.22",
                "个案完成, 35, 45, 77.78",
                "个案服务节数, 290, 360, 80.56",
                "专业小组, 11, 12, 91.67",
                "小组节数, 54, 72, 75.00",
                "小组服务人次, 510, —, —",
                "大型社区活动, 4, 5, 80.00",
                "大型活动参与人次, 1885, —, —",
                "中小型社区活动, 28, 17, 164.71",
                "中小型活动参与人次, 1165, 300, 388.33",
                "服务对象投诉, 0, 0, —"
            })
    void completionIsActualOverTargetHalfUpAndAbsentWithoutATarget(
            String name, String actual, String target, String rate) {
        IndicatorLine line = new IndicatorLine();
        line.name = name;
        line.actual = new BigDecimal(actual);
        line.target = target == null ? null : new BigDecimal(target);
        if (rate == null) {
            assertNull(line.completionRate(), name);
        } else {
            assertEquals(new BigDecimal(rate), line.completionRate(), name);
        }
    }
}
