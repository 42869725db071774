package io.jixiao.sampling;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One sample (抽查) of an evaluation. The roster and the draw live in their own tables (see
 * {@link SampleRepository}); this row records their digest, seed and who did what when.
 */
@Entity
@Table(name = "sample")
public class Sample {

    @Id
    public UUID id;

    @Column(name = "evaluation_id", nullable = false, updatable = false)
    public UUID evaluationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public SampleKind kind;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sample_stratum", joinColumns = @JoinColumn(name = "sample_id"))
    @OrderColumn(name = "position")
    public List<StratumPlan> strata = new ArrayList<>();

    @Column(name = "roster_digest")
    public String rosterDigest;

    @Column(name = "roster_size")
    public Integer rosterSize;

    @Column(name = "roster_uploaded_at")
    public Instant rosterUploadedAt;

    @Column(name = "roster_uploaded_by")
    public String rosterUploadedBy;

    public String seed;

    @Column(name = "drawn_at")
    public Instant drawnAt;

    @Column(name = "drawn_by")
    public String drawnBy;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public boolean drawn() {
        return seed != null;
    }
}
