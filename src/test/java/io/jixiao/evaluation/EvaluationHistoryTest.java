package io.jixiao.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jixiao.framework.Party;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The snapshot of an evaluation at an instant, rebuilt from its row and its transitions. */
class EvaluationHistoryTest {

    static final Instant CREATED = Instant.parse("2022-05-01T01:00:00Z");
    static final Instant OPENED = Instant.parse("2022-05-02T01:00:00Z");
    static final Instant FINALIZED = Instant.parse("2022-05-31T01:00:00Z");
    static final Instant REOPENED = Instant.parse("2022-06-05T01:00:00Z");

    /** Scores by instant: the revisions in force from that instant on. */
    final List<Map.Entry<Instant, Map<Party, BigDecimal>>> revisions = new ArrayList<>();

    final EvaluationHistory history = new EvaluationHistory();

    {
        history.scores = (evaluationId, at) -> {
            Map<Party, BigDecimal> inForce = new EnumMap<>(Party.class);
            revisions.stream().filter(r -> !r.getKey().isAfter(at)).forEach(r -> inForce.putAll(r.getValue()));
            return inForce;
        };
    }

    private static Evaluation current(EvaluationState state) {
        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID();
        e.state = state;
        e.weightBureau = new BigDecimal("10.00");
        e.weightStreetOffice = new BigDecimal("20.00");
        e.weightAssessor = new BigDecimal("70.00");
        e.disagreementThreshold = new BigDecimal("15.00");
        e.createdAt = CREATED;
        e.createdBy = "mzj";
        e.version = 99;
        return e;
    }

    private static EvaluationTransition transition(
            EvaluationTransition.Action action, EvaluationState from, EvaluationState to, Instant at) {
        EvaluationTransition t = new EvaluationTransition();
        t.action = action;
        t.fromState = from;
        t.toState = to;
        t.at = at;
        t.actor = "mzj";
        return t;
    }

    private static Map<Party, BigDecimal> scores(String bureau, String street, String assessor) {
        Map<Party, BigDecimal> scores = new EnumMap<>(Party.class);
        scores.put(Party.BUREAU, new BigDecimal(bureau));
        scores.put(Party.STREET_OFFICE, new BigDecimal(street));
        scores.put(Party.ASSESSOR, new BigDecimal(assessor));
        return scores;
    }

    private List<EvaluationTransition> openFinalizeReopen() {
        EvaluationTransition finalize = transition(
                EvaluationTransition.Action.FINALIZE, EvaluationState.OPEN, EvaluationState.FINALIZED, FINALIZED);
        finalize.total = new BigDecimal("93.05");
        finalize.reason = "各方评分一致";
        return List.of(
                transition(EvaluationTransition.Action.OPEN, EvaluationState.DRAFT, EvaluationState.OPEN, OPENED),
                finalize,
                transition(
                        EvaluationTransition.Action.REOPEN, EvaluationState.FINALIZED, EvaluationState.OPEN, REOPENED));
    }

    @Test
    void beforeAnyTransitionItIsTheDraftAsCreated() {
        Evaluation then = history.snapshot(current(EvaluationState.OPEN), openFinalizeReopen(), CREATED);
        assertEquals(EvaluationState.DRAFT, then.state);
        assertEquals(0, then.version);
        assertEquals(CREATED, then.updatedAt);
        assertNull(then.resultTotal);
    }

    @Test
    void aReopenedFinalizationIsRefrozenFromTheRevisionsInForceAtItsInstant() {
        revisions.add(Map.entry(OPENED.plusSeconds(60), scores("95.00", "94.00", "90.00")));
        revisions.add(Map.entry(FINALIZED, scores("95.00", "94.00", "92.50"))); // same instant: before it
        revisions.add(Map.entry(REOPENED.plusSeconds(60), scores("95.00", "94.00", "60.00")));

        Evaluation then = history.snapshot(current(EvaluationState.OPEN), openFinalizeReopen(), FINALIZED);

        assertEquals(EvaluationState.FINALIZED, then.state);
        assertEquals(2, then.version);
        assertEquals(new BigDecimal("92.50"), then.resultAssessor);
        assertEquals(new BigDecimal("93.05"), then.resultTotal);
        assertEquals(0, new BigDecimal("93.05").compareTo(then.resultTotalExact));
        assertEquals(Grade.EXCELLENT, then.resultGrade);
        assertEquals(new BigDecimal("2.50"), then.resultSpread);
        assertEquals("各方评分一致", then.finalizationNote);
        assertEquals(FINALIZED, then.finalizedAt);
        assertEquals("mzj", then.finalizedBy);
    }

    @Test
    void afterTheReopeningTheResultIsSetAside() {
        revisions.add(Map.entry(OPENED, scores("95.00", "94.00", "92.50")));
        Evaluation then = history.snapshot(current(EvaluationState.OPEN), openFinalizeReopen(), REOPENED);
        assertEquals(EvaluationState.OPEN, then.state);
        assertEquals(3, then.version);
        assertEquals(REOPENED, then.updatedAt);
        assertNull(then.resultTotal);
        assertNull(then.finalizedAt);
    }

    @Test
    void theFinalizationStillInForceIsTheRowItself() {
        Evaluation current = current(EvaluationState.FINALIZED);
        current.resultTotal = new BigDecimal("93.05");
        current.resultGrade = Grade.EXCELLENT;
        current.finalizedAt = FINALIZED.minusNanos(3000);
        List<EvaluationTransition> transitions = openFinalizeReopen().subList(0, 2);

        Evaluation then = history.snapshot(current, transitions, REOPENED);

        assertEquals(EvaluationState.FINALIZED, then.state);
        assertEquals(FINALIZED.minusNanos(3000), then.finalizedAt); // the row's, not recomputed
        assertEquals(new BigDecimal("93.05"), then.resultTotal);
    }

    @Test
    void aFinalizationWithoutThreeSubmissionsOnRecordIsAnErrorNotAGuess() {
        revisions.add(Map.entry(OPENED, Map.of(Party.BUREAU, new BigDecimal("95.00"))));
        assertThrows(
                IllegalStateException.class,
                () -> history.snapshot(current(EvaluationState.OPEN), openFinalizeReopen(), FINALIZED));
    }
}
