package io.jixiao.finding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** How the final evaluation closed a mid-term finding (整改). */
@Entity
@Table(name = "rectification")
public class Rectification {

    @Id
    @Column(name = "finding_id")
    public UUID findingId;

    @Column(name = "final_evaluation_id", nullable = false, updatable = false)
    public UUID finalEvaluationId;

    /** RESOLVED, PARTIALLY_RESOLVED or UNRESOLVED. */
    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String evidence;

    @Column(name = "closed_by", nullable = false)
    public String closedBy;

    @Column(name = "closed_at", nullable = false)
    public Instant closedAt;

    @Version
    public long version;
}
