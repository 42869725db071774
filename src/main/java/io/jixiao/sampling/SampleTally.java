package io.jixiao.sampling;

import io.jixiao.common.money.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sample results per stratum and overall. Awareness rate = aware / respondents; satisfaction rate
 * = satisfied (rating 4–5) / valid responses ("no answer" excluded). Refusals are not
 * respondents. A stratum meets its quota when it has at least as many respondents; nothing is
 * ever padded.
 */
public final class SampleTally {

    public record StratumResult(
            String stratum,
            String name,
            int quota,
            int drawn,
            int shortfall,
            int respondents,
            int refusals,
            int aware,
            int noAnswers,
            int valid,
            int satisfied,
            BigDecimal rate,
            boolean quotaMet) {}

    public record Overall(
            int quota,
            int respondents,
            int refusals,
            int aware,
            int noAnswers,
            int valid,
            int satisfied,
            BigDecimal rate,
            boolean quotasMet) {}

    public record Results(SampleKind kind, List<StratumResult> strata, Overall overall) {}

    private SampleTally() {}

    /**
     * @param drawn codes selected per stratum by the draw (empty before the draw)
     */
    public static Results tally(
            SampleKind kind, List<StratumPlan> plan, Map<String, Integer> drawn, List<SampleResponse> responses) {
        List<StratumResult> strata = new ArrayList<>();
        int quota = 0, respondents = 0, refusals = 0, aware = 0, noAnswers = 0, valid = 0, satisfied = 0;
        boolean allMet = true;
        for (StratumPlan stratum : plan) {
            int sQuota = stratum.quota, sRespondents = 0, sRefusals = 0, sAware = 0, sNoAnswers = 0, sSatisfied = 0;
            for (SampleResponse r : responses) {
                if (!r.stratum.equals(stratum.code)) {
                    continue;
                }
                if (r.refused) {
                    sRefusals++;
                    continue;
                }
                sRespondents++;
                if (Boolean.TRUE.equals(r.aware)) {
                    sAware++;
                }
                if (r.noAnswer) {
                    sNoAnswers++;
                }
                if (r.satisfied()) {
                    sSatisfied++;
                }
            }
            int sValid = sRespondents - sNoAnswers;
            int sDrawn = drawn.getOrDefault(stratum.code, 0);
            int shortfall = drawn.isEmpty() ? 0 : Math.max(0, sQuota - sDrawn);
            boolean met = sRespondents >= sQuota;
            strata.add(new StratumResult(
                    stratum.code,
                    stratum.name,
                    sQuota,
                    sDrawn,
                    shortfall,
                    sRespondents,
                    sRefusals,
                    sAware,
                    sNoAnswers,
                    sValid,
                    sSatisfied,
                    rate(kind, sAware, sRespondents, sSatisfied, sValid),
                    met));
            quota += sQuota;
            respondents += sRespondents;
            refusals += sRefusals;
            aware += sAware;
            noAnswers += sNoAnswers;
            valid += sValid;
            satisfied += sSatisfied;
            allMet &= met;
        }
        return new Results(
                kind,
                strata,
                new Overall(
                        quota,
                        respondents,
                        refusals,
                        aware,
                        noAnswers,
                        valid,
                        satisfied,
                        rate(kind, aware, respondents, satisfied, valid),
                        allMet));
    }

    private static BigDecimal rate(SampleKind kind, int aware, int respondents, int satisfied, int valid) {
        return kind == SampleKind.AWARENESS
                ? Decimals.percentage(BigDecimal.valueOf(aware), BigDecimal.valueOf(respondents))
                : Decimals.percentage(BigDecimal.valueOf(satisfied), BigDecimal.valueOf(valid));
    }
}
