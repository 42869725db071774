package io.jixiao.finding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** A finding (问题) or recommendation (建议) of an evaluation. Recorded once, never changed. */
@Entity
@Table(name = "finding")
public class Finding {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "evaluation_id", nullable = false, updatable = false)
    public UUID evaluationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public FindingKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public FindingCategory category;

    @Column(nullable = false, updatable = false)
    public String title;

    @Column(nullable = false, updatable = false)
    public String text;

    /** For a recommendation: the finding it answers. */
    @Column(updatable = false)
    public UUID addresses;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_org", updatable = false)
    public String recordedOrganisation;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
