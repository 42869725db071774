package io.jixiao.framework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Points (scores, maxima, weights): exact decimals 0..100 with at most 2 places. */
public final class Points {

    private static final Pattern FORMAT = Pattern.compile("^\\d{1,3}(\\.\\d{1,2})?$");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Points() {}

    /** The value, scaled to 2 places, or null when it is not 0..100 with at most 2 decimals. */
    public static BigDecimal parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        return value.compareTo(HUNDRED) > 0 ? null : value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
