package io.jixiao.project;

import io.jixiao.common.Audited;
import io.jixiao.common.money.Decimals;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A project's budget and executed amount for one fiscal year (CNY, exact). */
@Entity
@Table(name = "budget_line")
public class BudgetLine extends Audited {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    public int fiscalYear;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal budget;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal executed;

    /** executed / budget × 100, 2 dp HALF_UP; null when nothing was budgeted. */
    public BigDecimal executionRate() {
        return Decimals.percentage(executed, budget);
    }
}
