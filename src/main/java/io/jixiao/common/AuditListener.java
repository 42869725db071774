package io.jixiao.common;

import io.quarkus.arc.Arc;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;

/** Fills the audit columns of every {@link Audited} record: the only place they are written. */
public class AuditListener {

    @PrePersist
    void created(Audited record) {
        AuditContext context = context();
        Instant now = context.now();
        String actor = context.actor();
        record.createdAt = now;
        record.createdBy = actor;
        record.updatedAt = now;
        record.updatedBy = actor;
    }

    @PreUpdate
    void updated(Audited record) {
        stamp(record);
    }

    static void stamp(Audited record) {
        AuditContext context = context();
        record.updatedAt = context.now();
        record.updatedBy = context.actor();
    }

    private static AuditContext context() {
        return Arc.container().instance(AuditContext.class).get();
    }
}
