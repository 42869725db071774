package io.jixiao.evidence;

import io.jixiao.common.money.Decimals;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** One contract indicator: target (optional) and actual. */
@Embeddable
public class IndicatorLine {

    @Column(nullable = false)
    public String key;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_en")
    public String nameEn;

    @Column(nullable = false)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IndicatorCategory category;

    @Column(precision = 15, scale = 2)
    public BigDecimal target;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal actual;

    /**
     * actual / target × 100, 2 dp HALF_UP. No target ("协议暂无要求") or a zero target: no rate —
     * not zero, and not an error.
     */
    public BigDecimal completionRate() {
        return Decimals.percentage(actual, target);
    }
}
