package io.jixiao.project;

import io.jixiao.common.Outcome;
import io.jixiao.common.error.ExpectedVersion;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Budget lines: one per project and fiscal year, maintained by the purchasing street office. */
@ApplicationScoped
public class BudgetLineService {

    @Inject
    io.jixiao.audit.AuditTrail trail;

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
        return lines.find(projectId, fiscalYear)
                .orElseThrow(
                        () -> new NotFound("Project " + projectId + " has no budget line for " + fiscalYear + "."));
    }

    @Transactional
    public Outcome<BudgetLine> put(
            Caller caller,
            UUID projectId,
            int fiscalYear,
            String budgetText,
            String executedText,
            ExpectedVersion expectedVersion) {
        Project project = projects.visible(caller, projectId);
        access.requirePurchaser(caller, project.ref());
        BigDecimal budget = Decimals.money("budget", budgetText);
        BigDecimal executed = Decimals.money("executed", executedText);
        if (executed.compareTo(budget) > 0) {
            throw new InvalidInput(List.of(
                    new FieldProblem("executed", "must not exceed the budget (" + budget.toPlainString() + ")")));
        }
        Optional<BudgetLine> existing = lines.find(projectId, fiscalYear);
        BudgetLine line;
        if (existing.isPresent()) {
            line = existing.get();
            Versions.requireCurrent(expectedVersion, line.version, "budget line");
            line.markReplaced();
        } else {
            line = new BudgetLine();
            line.id = UUID.randomUUID();
            line.projectId = projectId;
            line.fiscalYear = fiscalYear;
        }
        line.budget = budget;
        line.executed = executed;
        if (existing.isEmpty()) {
            lines.persist(line);
        }
        lines.flush();
        trail.record("replaceBudgetLine", io.jixiao.audit.AuditSubject.budgetLine(projectId, fiscalYear));
        return existing.isEmpty() ? Outcome.created(line) : Outcome.replaced(line);
    }
}
