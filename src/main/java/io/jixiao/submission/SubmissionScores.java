package io.jixiao.submission;

import io.jixiao.evaluation.PartyScores;
import io.jixiao.framework.Party;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** The evaluation domain's view of the current scores, answered from the submissions. */
@ApplicationScoped
public class SubmissionScores implements PartyScores {

    @Inject
    SubmissionRepository submissions;

    @Override
    public Map<Party, BigDecimal> currentScores(UUID evaluationId) {
        return submissions.currentScores(evaluationId);
    }
}
