package io.jixiao.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One revision of a submission, kept forever; its item scores are {@link ItemScore}s. */
@Entity
@Table(name = "submission_revision")
public class SubmissionRevision {

    @Id
    public UUID id;

    @Column(name = "submission_id", nullable = false, updatable = false)
    public UUID submissionId;

    @Column(nullable = false, updatable = false)
    public int revision;

    @Column(nullable = false, updatable = false, precision = 5, scale = 2)
    public BigDecimal score;

    @Column(updatable = false)
    public String comment;

    /** Why this revision amends the previous one; null for the first. */
    @Column(updatable = false)
    public String reason;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    public Instant submittedAt;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    public String submittedBy;
}
