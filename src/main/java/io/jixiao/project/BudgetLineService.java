package io.jixiao.project;

import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.error.Versions;
import io.jixiao.common.money.Decimals;
import io.jixiao.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Budget lines: one per project and fiscal year, maintained by the purchasing street office. */
@ApplicationScoped
public class BudgetLineService {

    /** The outcome of a create-or-replace. */
    public record Written(BudgetLine line, boolean created) {
    }

    @Inject
    ProjectService projects;

    @Inject
    ProjectAccess access;

    @Inject
    BudgetLineRepository lines;

    @Transactional
    public List<BudgetLine> list(Caller caller, UUID projectId) {
        projects.visible(caller, projectId);
        return lines.ofProject(projectId);
    }

    @Transactional
    public BudgetLine get(Caller caller, UUID projectId, int fiscalYear) {
        projects.visible(caller, projectId);
        return lines.find(projectId, fiscalYear).orElseThrow(() -> new NotFound(
                "Project " + projectId + " has no budget line for " + fiscalYear + "."));
    }

    @Transactional
    public Written put(Caller caller, UUID projectId, int fiscalYear, String budgetText, String executedText,
            Long expectedVersion) {
        Project project = projects.visible(caller, projectId);
        access.requirePurchaser(caller, project);
        BigDecimal budget = Decimals.money("budget", budgetText);
        BigDecimal executed = Decimals.money("executed", executedText);
        if (executed.compareTo(budget) > 0) {
            throw new InvalidInput(List.of(new FieldProblem("executed", "must not exceed the budget (" 
                    + budget.toPlainString() + ")")));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<BudgetLine> existing = lines.find(projectId, fiscalYear);
        BudgetLine line;
        if (existing.isPresent()) {
            line = existing.get();
            Versions.requireCurrent(expectedVersion, line.version, "budget line");
        } else {
            line = new BudgetLine();
            line.id = UUID.randomUUID();
            line.projectId = projectId;
            line.fiscalYear = fiscalYear;
            line.createdAt = now;
            line.createdBy = caller.username();
        }
        line.budget = budget;
        line.executed = executed;
        line.updatedAt = now;
        line.updatedBy = caller.username();
        if (existing.isEmpty()) {
            lines.persist(line);
        }
        lines.flush();
        return new Written(line, existing.isEmpty());
    }
}
