package io.jixiao.project;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class BudgetLineRepository implements PanacheRepositoryBase<BudgetLine, UUID> {

    public Optional<BudgetLine> find(UUID projectId, int fiscalYear) {
        return find("projectId = ?1 and fiscalYear = ?2", projectId, fiscalYear).firstResultOptional();
    }

    public List<BudgetLine> ofProject(UUID projectId) {
        return list("projectId = ?1 order by fiscalYear desc", projectId);
    }
}
