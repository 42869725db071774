package io.jixiao.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleTallyTest {

    private static SampleResponse response(
            String stratum, boolean refused, Boolean aware, Integer rating, boolean noAnswer) {
        SampleResponse r = new SampleResponse();
        r.stratum = stratum;
        r.refused = refused;
        r.aware = aware;
        r.rating = rating == null ? null : rating.shortValue();
        r.noAnswer = noAnswer;
        r.interviewedOn = LocalDate.of(2022, 11, 12);
        return r;
    }

    @Test
    void policyQuotasAreThoseOfTheGuangzhouRules() {
        assertEquals(
                List.of(30, 20, 10),
                PolicyPlans.of(SampleKind.AWARENESS).stream().map(s -> s.quota).toList());
        assertEquals(
                List.of(15, 5),
                PolicyPlans.of(SampleKind.SATISFACTION).stream()
                        .map(s -> s.quota)
                        .toList());
        assertEquals(6, PolicyPlans.defaultReserves(30));
        assertEquals(1, PolicyPlans.defaultReserves(5));
        assertEquals(0, PolicyPlans.defaultReserves(0));
    }

    @Test
    void nineteenSatisfiedOfTwentyIsThe2022NinetyFivePercent() {
        List<SampleResponse> responses = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            responses.add(response("SERVICE_USER", false, null, i == 0 ? 3 : (i % 2 == 0 ? 4 : 5), false));
        }
        for (int i = 0; i < 5; i++) {
            responses.add(response("COMMITTEE_PARTNER", false, null, 5, false));
        }
        SampleTally.Results results = SampleTally.tally(
                SampleKind.SATISFACTION,
                PolicyPlans.of(SampleKind.SATISFACTION),
                Map.of("SERVICE_USER", 15, "COMMITTEE_PARTNER", 5),
                responses);
        assertEquals(new BigDecimal("95.00"), results.overall().rate());
        assertEquals(20, results.overall().valid());
        assertEquals(19, results.overall().satisfied());
        assertTrue(results.overall().quotasMet());
        assertEquals(new BigDecimal("93.33"), results.strata().get(0).rate());
        assertEquals(new BigDecimal("100.00"), results.strata().get(1).rate());
    }

    @Test
    void noAnswerIsARespondentButNotAValidResponseAndRefusalsAreNeither() {
        List<SampleResponse> responses = List.of(
                response("COMMITTEE_PARTNER", false, null, 5, false),
                response("COMMITTEE_PARTNER", false, null, 2, false),
                response("COMMITTEE_PARTNER", false, null, null, true),
                response("COMMITTEE_PARTNER", true, null, null, false));
        SampleTally.Results results = SampleTally.tally(
                SampleKind.SATISFACTION,
                PolicyPlans.of(SampleKind.SATISFACTION),
                Map.of("SERVICE_USER", 15, "COMMITTEE_PARTNER", 5),
                responses);
        SampleTally.StratumResult partners = results.strata().get(1);
        assertEquals(3, partners.respondents());
        assertEquals(1, partners.refusals());
        assertEquals(2, partners.valid());
        assertEquals(new BigDecimal("50.00"), partners.rate());
        assertFalse(partners.quotaMet());
        assertNull(results.strata().get(0).rate(), "nobody answered: no rate, not zero");
        assertFalse(results.overall().quotasMet());
    }

    @Test
    void awarenessRateIsAwareOverRespondentsAndShortfallComesFromTheDraw() {
        List<SampleResponse> responses = List.of(
                response("NEARBY_RESIDENT", false, true, null, false),
                response("NEARBY_RESIDENT", false, true, null, false),
                response("NEARBY_RESIDENT", false, false, null, false));
        SampleTally.Results results = SampleTally.tally(
                SampleKind.AWARENESS,
                PolicyPlans.of(SampleKind.AWARENESS),
                Map.of("KEY_CLIENT", 30, "GENERAL_CLIENT", 20, "NEARBY_RESIDENT", 4),
                responses);
        SampleTally.StratumResult residents = results.strata().get(2);
        assertEquals(new BigDecimal("66.67"), residents.rate());
        assertEquals(6, residents.shortfall());
        assertEquals(4, residents.drawn());
        assertEquals(60, results.overall().quota());
        assertEquals(new BigDecimal("66.67"), results.overall().rate());
    }
}
