package io.jixiao.finding;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FindingRepository implements PanacheRepositoryBase<Finding, UUID> {

    /** The evaluation's findings and recommendations, in the order they were recorded. */
    public List<Finding> ofEvaluation(UUID evaluationId) {
        return list("evaluationId = ?1 order by seq", evaluationId);
    }
}
