package io.jixiao.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.common.Sha256;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The hash of an audit event: SHA-256 (hex) of the UTF-8 bytes of one JSON array holding, in this
 * order, the predecessor's hash and every stored field of the event (the time as ISO 8601 UTC at
 * microsecond precision; absent values as JSON null; the state texts exactly as stored). Anyone
 * can recompute it from an export of the table: nothing but the row and this rule goes in.
 */
public final class AuditHash {

    /** The predecessor of a chain's first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditHash() {}

    public static String of(AuditRecord e) {
        List<Object> fields = Arrays.asList(
                e.prevHash(),
                e.eventId().toString(),
                DateTimeFormatter.ISO_INSTANT.format(e.occurredAt()),
                e.chainKey(),
                e.chainSeq(),
                e.operation(),
                e.objectType(),
                e.objectId(),
                e.actorSubject(),
                e.actorUsername(),
                e.actorOrg(),
                e.actorRoles(),
                e.requestId(),
                e.district(),
                e.projectId() == null ? null : e.projectId().toString(),
                e.evaluationId() == null ? null : e.evaluationId().toString(),
                e.purchaserCode(),
                e.assessorCode(),
                e.providerCode(),
                e.bureauCode(),
                e.evaluationState(),
                e.beforeState(),
                e.afterState(),
                e.changes());
        try {
            return Sha256.hex(JSON.writeValueAsString(fields));
        } catch (JsonProcessingException e1) {
            throw new IllegalStateException(e1);
        }
    }

    /** One stored event, as hashed. */
    public record AuditRecord(
            String prevHash,
            java.util.UUID eventId,
            Instant occurredAt,
            String chainKey,
            long chainSeq,
            String operation,
            String objectType,
            String objectId,
            String actorSubject,
            String actorUsername,
            String actorOrg,
            String actorRoles,
            String requestId,
            String district,
            java.util.UUID projectId,
            java.util.UUID evaluationId,
            String purchaserCode,
            String assessorCode,
            String providerCode,
            String bureauCode,
            String evaluationState,
            String beforeState,
            String afterState,
            String changes) {}
}
