package io.jixiao.evaluation;

import java.math.BigDecimal;

/** The grade bands of the Guangzhou evaluation rules, read from the rounded total. */
public enum Grade {
    EXCELLENT("优秀", new BigDecimal("90")),
    GOOD("良好", new BigDecimal("80")),
    PASS("合格", new BigDecimal("60")),
    FAIL("不合格", BigDecimal.ZERO);

    public final String label;
    private final BigDecimal lowerBound;

    Grade(String label, BigDecimal lowerBound) {
        this.label = label;
        this.lowerBound = lowerBound;
    }

    /** The band the (already rounded) total falls in: each lower bound is inclusive. */
    public static Grade of(BigDecimal roundedTotal) {
        for (Grade grade : values()) {
            if (roundedTotal.compareTo(grade.lowerBound) >= 0) {
                return grade;
            }
        }
        return FAIL;
    }
}
