package io.jixiao.evaluation;

import io.jixiao.common.QueryScope;
import io.jixiao.project.AssessorAssignments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/** Projects' assessor scope, answered from the evaluations assigned to the assessor organisation. */
@ApplicationScoped
public class EvaluationAssignments implements AssessorAssignments {

    @Inject
    EvaluationRepository evaluations;

    @Override
    public QueryScope projectsAssessedBy(String assessorCode) {
        return new QueryScope(
                "id in (select e.projectId from Evaluation e where e.assessorCode = :scopeAssessor"
                        + " and e.state <> :scopeAssessedDraft)",
                Map.of("scopeAssessor", assessorCode, "scopeAssessedDraft", EvaluationState.DRAFT));
    }

    @Override
    public boolean assesses(String assessorCode, UUID projectId) {
        return evaluations.count(
                        "projectId = ?1 and assessorCode = ?2 and state <> ?3",
                        projectId,
                        assessorCode,
                        EvaluationState.DRAFT)
                > 0;
    }
}
