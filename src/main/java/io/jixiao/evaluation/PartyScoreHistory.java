package io.jixiao.evaluation;

import io.jixiao.framework.Party;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The parties' scores of an evaluation as they stood at an instant: each party's latest revision
 * submitted at or before it. A port like {@link PartyScores}, answered by the submission domain,
 * so that a point-in-time result is computed by the same code as the current one.
 */
public interface PartyScoreHistory {

    /** The score of each party that had submitted by {@code at}, from its revision in force then. */
    Map<Party, BigDecimal> scoresAsOf(UUID evaluationId, Instant at);
}
