package io.jixiao.submission;

import io.jixiao.evaluation.PartyScoreHistory;
import io.jixiao.framework.Party;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** The evaluation domain's view of the scores in force at an instant, answered from the revisions. */
@ApplicationScoped
public class ScoresAsOf implements PartyScoreHistory {

    @Inject
    RevisionsAsOf revisions;

    @Override
    public Map<Party, BigDecimal> scoresAsOf(UUID evaluationId, Instant at) {
        Map<Party, BigDecimal> scores = new EnumMap<>(Party.class);
        revisions
                .ofEvaluation(evaluationId, at)
                .forEach((party, inForce) -> scores.put(party, inForce.revision().score));
        return scores;
    }
}
