package io.jixiao.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.money.Decimals;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalsTest {

    @ParameterizedTest(name = "{0} of {1} is {2} %")
    @CsvSource({
        "2400000.00, 2400000.00, 100.00",
        "1999999.99, 2400000.00, 83.33",
        "1, 3, 33.33",
        "2, 3, 66.67",
        "0.005, 1, 0.50",
        "0.00005, 1, 0.01",
        "0.000049, 1, 0.00",
        "886, 860, 103.02",
        "35, 45, 77.78"
    })
    void percentageIsExactThenHalfUpToTwoPlaces(String part, String whole, String expected) {
        assertEquals(new BigDecimal(expected), Decimals.percentage(new BigDecimal(part), new BigDecimal(whole)));
    }

    @Test
    void noWholeMeansNoPercentage() {
        assertNull(Decimals.percentage(BigDecimal.ONE, BigDecimal.ZERO));
        assertNull(Decimals.percentage(BigDecimal.ONE, null));
    }

    @Test
    void moneyIsParsedExactlyWithTwoPlaces() {
        assertEquals("2400000.00", Decimals.money("budget", "2400000").toPlainString());
        assertEquals("619091.40", Decimals.money("budget", "619091.4").toPlainString());
        assertEquals("0.10", Decimals.money("budget", "0.1").toPlainString());
    }

    @Test
    void moneyRejectsNegativeInexactAndAbsurdAmounts() {
        assertEquals(
                "executed",
                assertThrows(InvalidInput.class, () -> Decimals.money("executed", "-0.01"))
                        .fieldProblems()
                        .get(0)
                        .field());
        assertThrows(InvalidInput.class, () -> Decimals.money("budget", "1.001"));
        assertThrows(InvalidInput.class, () -> Decimals.money("budget", "1e3"));
        assertThrows(InvalidInput.class, () -> Decimals.money("budget", "abc"));
        assertThrows(InvalidInput.class, () -> Decimals.money("budget", "99999999999999.00"));
    }
}
