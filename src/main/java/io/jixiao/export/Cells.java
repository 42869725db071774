package io.jixiao.export;

import java.math.BigDecimal;

/** How a value reads as text in every format: exact decimals, ISO 8601 dates and instants. */
final class Cells {

    private Cells() {}

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        // String, Long, Boolean (true/false), LocalDate (YYYY-MM-DD), Instant (RFC 3339, UTC)
        return value.toString();
    }

    /**
     * Whether a spreadsheet holds the decimal exactly as a number: at most 15 significant digits
     * (what a double and a spreadsheet's display keep) and a plain notation to store.
     */
    static boolean exactAsNumber(BigDecimal value) {
        return value.precision() <= 15 && value.toString().equals(value.toPlainString());
    }
}
