package io.jixiao.report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How figures are written in the report's words and tables (the JSON keeps the plain strings). */
final class Numbers {

    private Numbers() {}

    /** 1194133.28 → 1,194,133.28 */
    static String money(String plain) {
        return plain == null ? null : format("#,##0.00", new BigDecimal(plain));
    }

    /** 358110 → 358,110; 12.5 → 12.5 */
    static String count(String plain) {
        return plain == null ? null : format("#,##0.##", new BigDecimal(plain));
    }

    static String count(long value) {
        return format("#,##0", BigDecimal.valueOf(value));
    }

    /** 103.02 → 103.02% */
    static String percent(String plain) {
        return plain == null ? null : plain + "%";
    }

    /** Weights like 10.00 → 10 */
    static String weight(String plain) {
        return ReportRepository.amount(new BigDecimal(plain));
    }

    private static String format(String pattern, BigDecimal value) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(value);
    }
}
