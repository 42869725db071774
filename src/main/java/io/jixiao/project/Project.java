package io.jixiao.project;

import io.jixiao.common.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** A purchased social-work service (项目). Organisations are referred to by their codes. */
@Entity
@Table(name = "project")
public class Project extends Audited {

    @Id
    public UUID id;

    /** Creation order; the keyset of the project list. Assigned by the database. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String station;

    @Column(nullable = false, updatable = false)
    public String district;

    @Column(nullable = false)
    public String street;

    @Column(name = "purchaser_code", nullable = false, updatable = false)
    public String purchaserCode;

    @Column(name = "supervisor_code", nullable = false)
    public String supervisorCode;

    @Column(name = "provider_code", nullable = false)
    public String providerCode;

    @Column(name = "contract_start", nullable = false)
    public LocalDate contractStart;

    @Column(name = "contract_end", nullable = false)
    public LocalDate contractEnd;

    @Column(nullable = false)
    public int communities;

    @Column(name = "staff_count", nullable = false)
    public int staffCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectStatus status;

    public ProjectRef ref() {
        return new ProjectRef(id, purchaserCode, supervisorCode, providerCode, district, contractStart, contractEnd);
    }
}
