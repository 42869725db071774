package io.jixiao.evidence;

import io.jixiao.common.Audited;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A project's contract indicators (协议指标) for one fiscal year, replaced as a whole. */
@Entity
@Table(name = "indicator_set")
public class IndicatorSet extends Audited {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    public int fiscalYear;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "indicator", joinColumns = @JoinColumn(name = "set_id"))
    @OrderColumn(name = "position")
    public List<IndicatorLine> indicators = new ArrayList<>();

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_org")
    public String confirmedOrganisation;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;
}
