package io.jixiao.evaluation;

import java.math.BigDecimal;

/** The grade bands of the Guangzhou evaluation rules, read from the rounded total (labels: common.i18n.Labels). */
public enum Grade {
    EXCELLENT(new BigDecimal("90")),
    GOOD(new BigDecimal("80")),
    PASS(new BigDecimal("60")),
    FAIL(BigDecimal.ZERO);

    private final BigDecimal lowerBound;

    Grade(BigDecimal lowerBound) {
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
