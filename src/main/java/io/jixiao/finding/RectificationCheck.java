package io.jixiao.finding;

import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.InvalidState;
import io.jixiao.evaluation.EvaluationRef;
import io.jixiao.evaluation.FinalizationCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** A FINAL evaluation is finalized only once every mid-term finding of its year is closed (整改). */
@ApplicationScoped
public class RectificationCheck implements FinalizationCheck {

    @Inject
    FindingService findings;

    @Override
    public void check(EvaluationRef evaluation) {
        List<Finding> open = findings.unaddressed(evaluation);
        if (!open.isEmpty()) {
            throw new InvalidState(
                    "The mid-term findings must be closed (整改) before the final evaluation is " + "finalized; "
                            + open.size() + " are not.",
                    evaluation.state().name(),
                    open.stream()
                            .map(f -> new FieldProblem(f.id.toString(), "not rectified: " + f.title))
                            .toList());
        }
    }
}
