package io.jixiao.common;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What every changeable record carries: its version (the ETag, for optimistic locking) and who
 * created and last changed it, when — filled by {@link AuditListener}, never by hand.
 */
@MappedSuperclass
@EntityListeners(AuditListener.class)
public abstract class Audited {

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /**
     * Records that the caller replaced this record now, even where the new content equals the old:
     * every accepted replace is a new version with its writer and time.
     */
    public void markReplaced() {
        AuditListener.stamp(this);
    }
}
