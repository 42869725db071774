package io.jixiao.evaluation;

import io.jixiao.common.QueryScope;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EvaluationRepository implements PanacheRepositoryBase<Evaluation, UUID> {

    /** Filters of the evaluation list; null means "any". */
    public record Filter(
            UUID projectId,
            Integer fiscalYear,
            EvaluationPhase phase,
            EvaluationState state,
            Grade grade,
            String district) {}

    public List<Evaluation> list(QueryScope scope, Filter filter, Long afterSeq, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where.add(scope.clause());
        scope.parameters().forEach(params::and);
        add(where, params, "projectId", filter.projectId());
        add(where, params, "fiscalYear", filter.fiscalYear());
        add(where, params, "phase", filter.phase());
        add(where, params, "state", filter.state());
        add(where, params, "resultGrade", filter.grade());
        add(where, params, "district", filter.district());
        if (afterSeq != null) {
            where.add("seq > :afterSeq");
            params.and("afterSeq", afterSeq);
        }
        return find(String.join(" and ", where) + " order by seq", params)
                .page(0, limit)
                .list();
    }

    /** Whether the organisation is the assessor of an evaluation of the project and year in that state. */
    public boolean assessorAssigned(UUID projectId, int fiscalYear, String organisation, EvaluationState state) {
        return organisation != null
                && count(
                                "projectId = ?1 and fiscalYear = ?2 and assessorCode = ?3 and state = ?4",
                                projectId,
                                fiscalYear,
                                organisation,
                                state)
                        > 0;
    }

    public List<EvaluationTransition> transitions(UUID evaluationId) {
        return getEntityManager()
                .createQuery(
                        "from EvaluationTransition t where t.evaluationId = :id order by t.seq",
                        EvaluationTransition.class)
                .setParameter("id", evaluationId)
                .getResultList();
    }

    private static void add(List<String> where, Parameters params, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            params.and(field, value);
        }
    }
}
