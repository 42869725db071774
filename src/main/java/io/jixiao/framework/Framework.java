package io.jixiao.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** One version of an indicator framework (评估指标体系). Its items are {@link FrameworkItem}s. */
@Entity
@Table(name = "framework")
public class Framework {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false, updatable = false)
    public String key;

    @Column(name = "framework_version", nullable = false, updatable = false)
    public int frameworkVersion;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FrameworkStatus status;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    /** The bureau that drafted this version; null for frameworks shipped as data. */
    @Column(name = "owner_code", updatable = false)
    public String ownerCode;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;
}
