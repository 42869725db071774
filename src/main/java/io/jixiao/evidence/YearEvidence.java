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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A project's other evidence for one fiscal year, replaced as a whole. */
@Entity
@Table(name = "year_evidence")
public class YearEvidence extends Audited {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    public int fiscalYear;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "linked_resource", joinColumns = @JoinColumn(name = "evidence_id"))
    @OrderColumn(name = "position")
    public List<EvidenceLines.Resource> resources = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "duty_offset", joinColumns = @JoinColumn(name = "evidence_id"))
    @OrderColumn(name = "position")
    public List<EvidenceLines.Offset> offsets = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "duty_offset_category", joinColumns = @JoinColumn(name = "evidence_id"))
    @OrderColumn(name = "position")
    public List<EvidenceLines.OffsetCategory> offsetCategories = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "honour", joinColumns = @JoinColumn(name = "evidence_id"))
    @OrderColumn(name = "position")
    public List<EvidenceLines.Honour> honours = new ArrayList<>();

    @Column(name = "complaints_received", nullable = false)
    public int complaintsReceived;

    @Column(name = "complaints_note")
    public String complaintsNote;
}
