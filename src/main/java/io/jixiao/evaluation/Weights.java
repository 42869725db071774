package io.jixiao.evaluation;

import io.jixiao.framework.Party;
import java.math.BigDecimal;

/** Each party's share of the total, in percent; they sum to exactly 100. */
public record Weights(BigDecimal bureau, BigDecimal streetOffice, BigDecimal assessor) {

    /** The policy's default: bureau 10 %, street office 20 %, third-party assessor 70 %. */
    public static final Weights POLICY =
            new Weights(new BigDecimal("10.00"), new BigDecimal("20.00"), new BigDecimal("70.00"));

    public BigDecimal of(Party party) {
        return switch (party) {
            case BUREAU -> bureau;
            case STREET_OFFICE -> streetOffice;
            case ASSESSOR -> assessor;
        };
    }

    public boolean sumToHundred() {
        return bureau.add(streetOffice).add(assessor).compareTo(new BigDecimal("100")) == 0;
    }
}
