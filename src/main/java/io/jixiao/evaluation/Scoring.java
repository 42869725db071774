package io.jixiao.evaluation;

import io.jixiao.framework.Party;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The scoring rules. Total = Σ weight/100 × party score, computed exactly; then rounded to 2
 * places HALF_UP; the grade is read from the rounded total so that it always agrees with the
 * number people see.
 */
public final class Scoring {

    /** The computed result of three submitted party scores. */
    public record Outcome(
            Map<Party, BigDecimal> contributions,
            BigDecimal totalExact,
            BigDecimal total,
            Grade grade,
            BigDecimal spread,
            boolean disagreement) {}

    private Scoring() {}

    /** A party's score: the sum of its item scores. */
    public static BigDecimal partyScore(Collection<BigDecimal> itemScores) {
        return itemScores.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** weight / 100 × score, exact. */
    public static BigDecimal contribution(BigDecimal weight, BigDecimal score) {
        return weight.multiply(score).movePointLeft(2);
    }

    public static BigDecimal round(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    /** Highest minus lowest party score. */
    public static BigDecimal spread(Collection<BigDecimal> scores) {
        BigDecimal max = scores.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal min = scores.stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        return max.subtract(min);
    }

    /** The parties disagree when their scores differ by strictly more than the threshold. */
    public static boolean disagree(Collection<BigDecimal> scores, BigDecimal threshold) {
        return spread(scores).compareTo(threshold) > 0;
    }

    public static Outcome outcome(Map<Party, BigDecimal> scores, Weights weights, BigDecimal threshold) {
        Map<Party, BigDecimal> contributions = new EnumMap<>(Party.class);
        BigDecimal exact = BigDecimal.ZERO;
        for (Party party : Party.values()) {
            BigDecimal score = scores.get(party);
            if (score == null) {
                throw new IllegalArgumentException("no score for " + party);
            }
            BigDecimal contribution = contribution(weights.of(party), score);
            contributions.put(party, contribution);
            exact = exact.add(contribution);
        }
        BigDecimal total = round(exact);
        return new Outcome(
                contributions,
                exact,
                total,
                Grade.of(total),
                spread(scores.values()),
                disagree(scores.values(), threshold));
    }
}
