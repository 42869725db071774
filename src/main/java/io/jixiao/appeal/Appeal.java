package io.jixiao.appeal;

import io.jixiao.common.Audited;
import io.jixiao.evaluation.Grade;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/**
 * An appeal (申诉) of the evaluated provider against a finalized result, and the bureau's ruling.
 * What was filed never changes; the ruling is written once.
 */
@Entity
@Table(name = "appeal")
public class Appeal extends Audited {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "evaluation_id", nullable = false, updatable = false)
    public UUID evaluationId;

    @Column(name = "provider_code", nullable = false, updatable = false)
    public String providerCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppealStatus status;

    @Column(nullable = false, updatable = false)
    public String summary;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "appeal_ground", joinColumns = @JoinColumn(name = "appeal_id"))
    @OrderColumn(name = "position")
    public List<AppealGround> grounds = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "appeal_evidence", joinColumns = @JoinColumn(name = "appeal_id"))
    @OrderColumn(name = "position")
    @Column(name = "reference", nullable = false)
    public List<String> evidence = new ArrayList<>();

    @Column(name = "appealed_total", nullable = false, updatable = false, precision = 5, scale = 2)
    public BigDecimal appealedTotal;

    @Enumerated(EnumType.STRING)
    @Column(name = "appealed_grade", nullable = false, updatable = false)
    public Grade appealedGrade;

    @Column(nullable = false, updatable = false)
    public Instant deadline;

    @Column(name = "filed_by", nullable = false, updatable = false)
    public String filedBy;

    @Column(name = "filed_at", nullable = false, updatable = false)
    public Instant filedAt;

    @Column
    public String rationale;

    @Column(name = "ruled_by")
    public String ruledBy;

    @Column(name = "ruled_org")
    public String ruledOrganisation;

    @Column(name = "ruled_at")
    public Instant ruledAt;

    void rule(AppealStatus decision, String rationale, String by, String organisation, Instant at) {
        this.status = decision;
        this.rationale = rationale;
        this.ruledBy = by;
        this.ruledOrganisation = organisation;
        this.ruledAt = at;
    }
}
