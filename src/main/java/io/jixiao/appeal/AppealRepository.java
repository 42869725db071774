package io.jixiao.appeal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<Appeal, UUID> {

    /** The evaluation's appeals in the order they were filed. */
    public List<Appeal> ofEvaluation(UUID evaluationId) {
        return list("evaluationId = ?1 order by seq", evaluationId);
    }

    public boolean hasOpen(UUID evaluationId) {
        return count("evaluationId = ?1 and status = ?2", evaluationId, AppealStatus.OPEN) > 0;
    }
}
