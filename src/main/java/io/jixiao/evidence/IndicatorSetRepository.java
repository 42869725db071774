package io.jixiao.evidence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IndicatorSetRepository implements PanacheRepositoryBase<IndicatorSet, UUID> {

    public Optional<IndicatorSet> find(UUID projectId, int fiscalYear) {
        return find("projectId = ?1 and fiscalYear = ?2", projectId, fiscalYear).firstResultOptional();
    }
}
