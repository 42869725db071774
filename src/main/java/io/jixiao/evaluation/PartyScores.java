package io.jixiao.evaluation;

import io.jixiao.framework.Party;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * The parties' current scores of an evaluation, as the submissions stand. A port: the submission
 * domain implements it, so that results and finalization read scores without depending on it.
 */
public interface PartyScores {

    /** The current party score of each party that has submitted. */
    Map<Party, BigDecimal> currentScores(UUID evaluationId);
}
