package io.jixiao.submission;

import io.jixiao.framework.Party;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One party's submission to an evaluation: points at its current revision. */
@Entity
@Table(name = "submission")
public class Submission {

    @Id
    public UUID id;

    @Column(name = "evaluation_id", nullable = false, updatable = false)
    public UUID evaluationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Party party;

    @Column(name = "organisation_code", nullable = false, updatable = false)
    public String organisationCode;

    /** The current revision number (1 = as first submitted). */
    @Column(nullable = false)
    public int revision;

    /** The current party score: the sum of the current revision's item scores. */
    @Column(nullable = false, precision = 5, scale = 2)
    public BigDecimal score;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
