package io.jixiao.finding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RectificationStatus status;

    @Column(nullable = false)
    public String evidence;

    @Column(name = "closed_by", nullable = false)
    public String closedBy;

    @Column(name = "closed_at", nullable = false)
    public Instant closedAt;

    @Version
    public long version;
}
