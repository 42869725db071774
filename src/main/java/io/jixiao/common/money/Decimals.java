package io.jixiao.common.money;

import io.jixiao.common.error.InvalidInput;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact decimals for money (CNY, 2 places) and percentages (2 places, HALF_UP). Amounts travel as
 * strings and are never converted through floating point.
 */
public final class Decimals {

    public static final int MONEY_SCALE = 2;
    public static final int RATE_SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile("^-?\\d+(\\.\\d+)?$");
    private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999999.99");

    private Decimals() {}

    /** Parses a non-negative CNY amount with at most 2 decimal places. */
    public static BigDecimal money(String field, String value) {
        if (value == null) {
            throw InvalidInput.of(field, "must not be null");
        }
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            throw InvalidInput.of(field, "must be a plain decimal number such as \"2400000.00\"");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw InvalidInput.of(field, "must be a decimal number such as \"2400000.00\"");
        }
        if (amount.signum() < 0) {
            throw InvalidInput.of(field, "must not be negative");
        }
        if (amount.scale() > MONEY_SCALE) {
            throw InvalidInput.of(field, "must have at most 2 decimal places");
        }
        if (amount.compareTo(MAX_MONEY) > 0) {
            throw InvalidInput.of(field, "is too large");
        }
        return amount.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY);
    }

    /** part / whole × 100, rounded HALF_UP to 2 places; null when there is no whole to compare to. */
    public static BigDecimal percentage(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, RATE_SCALE, RoundingMode.HALF_UP);
    }

    public static String format(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
