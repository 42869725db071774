package io.jixiao.project;

import io.jixiao.common.money.Decimals;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A project's budget and executed amount for one fiscal year (CNY, exact). */
@Entity
@Table(name = "budget_line")
public class BudgetLine {

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

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** executed / budget × 100, 2 dp HALF_UP; null when nothing was budgeted. */
    public BigDecimal executionRate() {
        return Decimals.percentage(executed, budget);
    }
}
