package io.jixiao.sampling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** One interview of a drawn code, or its refusal. Recorded once, never changed. */
@Entity
@Table(name = "sample_response")
public class SampleResponse {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "sample_id", nullable = false, updatable = false)
    public UUID sampleId;

    @Column(nullable = false, updatable = false)
    public String code;

    @Column(nullable = false, updatable = false)
    public String stratum;

    /** How the code came into the sample. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public DrawRole role;

    @Column(nullable = false, updatable = false)
    public boolean refused;

    @Column(updatable = false)
    public Boolean aware;

    @Column(updatable = false)
    public Short rating;

    @Column(name = "no_answer", nullable = false, updatable = false)
    public boolean noAnswer;

    @Column(nullable = false, updatable = false)
    public String interviewer;

    @Column(name = "interviewed_on", nullable = false, updatable = false)
    public LocalDate interviewedOn;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    /** Satisfied: a rating of 4 or 5. */
    public boolean satisfied() {
        return rating != null && rating >= 4;
    }
}
