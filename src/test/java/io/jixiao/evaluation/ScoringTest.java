package io.jixiao.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.framework.Party;
import io.jixiao.framework.Points;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringTest {

    private static final BigDecimal THRESHOLD = new BigDecimal("15.00");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "100.00, EXCELLENT",
        "90.00, EXCELLENT",
        "89.99, GOOD",
        "80.00, GOOD",
        "79.99, PASS",
        "60.00, PASS",
        "59.99, FAIL",
        "0.00, FAIL"
    })
    void gradeBandsIncludeTheirLowerBound(String total, Grade grade) {
        assertEquals(grade, Grade.of(new BigDecimal(total)));
    }

    @ParameterizedTest(name = "bureau {0}, street {1}, assessor {2} → {3} exact, {4} shown, {5}")
    @CsvSource({
        // totals just either side of a band boundary before rounding
        "89.95, 89.99, 89.99, 89.986000, 89.99, GOOD",
        "89.99, 90.00, 89.99, 89.992000, 89.99, GOOD",
        "90.00, 90.00, 89.99, 89.993000, 89.99, GOOD",
        "89.95, 89.95, 90.00, 89.985000, 89.99, GOOD",
        "90.00, 89.98, 90.00, 89.996000, 90.00, EXCELLENT",
        "89.99, 89.99, 90.00, 89.997000, 90.00, EXCELLENT",
        "79.97, 79.99, 80.00, 79.995000, 80.00, GOOD",
        "79.96, 79.99, 80.00, 79.994000, 79.99, PASS",
        "59.95, 60.00, 60.00, 59.995000, 60.00, PASS",
        "59.94, 60.00, 60.00, 59.994000, 59.99, FAIL",
        "95.00, 94.00, 92.50, 93.050000, 93.05, EXCELLENT"
    })
    void totalIsExactThenRoundedHalfUpAndTheGradeFollowsTheRoundedTotal(
            String bureau, String street, String assessor, String exact, String shown, Grade grade) {
        Scoring.Outcome outcome = Scoring.outcome(
                Map.of(
                        Party.BUREAU,
                        new BigDecimal(bureau),
                        Party.STREET_OFFICE,
                        new BigDecimal(street),
                        Party.ASSESSOR,
                        new BigDecimal(assessor)),
                Weights.POLICY,
                THRESHOLD);
        assertEquals(new BigDecimal(exact), outcome.totalExact());
        assertEquals(new BigDecimal(shown), outcome.total());
        assertEquals(grade, outcome.grade());
        assertEquals(grade, Grade.of(outcome.total()));
    }

    @Test
    void weightsAreAppliedAsPercentagesExactly() {
        assertEquals(
                new BigDecimal("9.500000"), Scoring.contribution(new BigDecimal("10.00"), new BigDecimal("95.00")));
        assertEquals(
                new BigDecimal("64.750000"), Scoring.contribution(new BigDecimal("70.00"), new BigDecimal("92.50")));
        Weights custom = new Weights(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"));
        assertTrue(custom.sumToHundred());
        assertFalse(new Weights(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("69.99")).sumToHundred());
        Scoring.Outcome outcome = Scoring.outcome(
                Map.of(
                        Party.BUREAU,
                        new BigDecimal("100.00"),
                        Party.STREET_OFFICE,
                        new BigDecimal("100.00"),
                        Party.ASSESSOR,
                        new BigDecimal("100.00")),
                custom,
                THRESHOLD);
        assertEquals(0, new BigDecimal("100").compareTo(outcome.totalExact()));
    }

    @Test
    void aPartyScoreIsTheExactSumOfItsItems() {
        assertEquals(
                new BigDecimal("94.50"),
                Scoring.partyScore(List.of(new BigDecimal("38.00"), new BigDecimal("28.50"), new BigDecimal("28.00"))));
        assertEquals(
                new BigDecimal("0.30"), Scoring.partyScore(List.of(new BigDecimal("0.10"), new BigDecimal("0.20"))));
        assertEquals(new BigDecimal("0.00"), Scoring.partyScore(List.of()));
    }

    @Test
    void disagreementIsASpreadStrictlyAboveTheThreshold() {
        assertFalse(Scoring.disagree(List.of(new BigDecimal("90"), new BigDecimal("75")), THRESHOLD));
        assertTrue(Scoring.disagree(List.of(new BigDecimal("90"), new BigDecimal("74.99")), THRESHOLD));
        assertEquals(
                new BigDecimal("15.01"),
                Scoring.spread(List.of(new BigDecimal("90.00"), new BigDecimal("80.00"), new BigDecimal("74.99"))));
    }

    @Test
    void aMissingPartyCannotBeScored() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Scoring.outcome(Map.of(Party.BUREAU, BigDecimal.TEN), Weights.POLICY, THRESHOLD));
    }

    @Test
    void pointsAreZeroToHundredWithTwoDecimals() {
        assertEquals(new BigDecimal("8.50"), Points.parse("8.5"));
        assertEquals(new BigDecimal("100.00"), Points.parse("100"));
        assertEquals(new BigDecimal("0.00"), Points.parse("0"));
        assertNull(Points.parse("100.01"));
        assertNull(Points.parse("8.505"));
        assertNull(Points.parse("-1"));
        assertNull(Points.parse("1e2"));
        assertNull(Points.parse(null));
    }
}
