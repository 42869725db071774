package io.jixiao.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.audit.AuditHash.AuditRecord;
import io.jixiao.common.AuditContext;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.MDC;

/**
 * Appends the audit event of a write, in the write's own transaction (so the event exists exactly
 * when the write does). Services call {@link #record} once per successful write, after its checks
 * and changes, and never for a replayed request. The event holds the object's state after the
 * write (read back from the database, so it is what was stored), its state after the previous
 * recorded write of the same object, and the difference between them.
 */
@ApplicationScoped
public class AuditTrail {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    @Inject
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditContext context;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    /** The append's own cost, exported as {@code jixiao_audit_append_seconds} (the benchmark compares it with the write's). */
    private io.micrometer.core.instrument.Timer appendTimer;

    @jakarta.annotation.PostConstruct
    void timer() {
        appendTimer = io.micrometer.core.instrument.Timer.builder("jixiao.audit.append")
                .description("Time to append one audit event (snapshot, chain head, insert) inside a write")
                .register(registry);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String operation, AuditSubject subject) {
        em.flush(); // the write's own statements are not the append's cost
        long started = System.nanoTime();
        append(operation, subject);
        appendTimer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private void append(String operation, AuditSubject subject) {
        Object[] snapshot = snapshot(subject);
        String after = canonical(snapshot[0]);
        String before = previousState(subject);
        String changes = text(JsonChanges.between(parse(before), parse(after)));
        String chainKey = (String) snapshot[9];

        Object[] head = (Object[]) em.createNativeQuery("""
                insert into audit_chain_head as h (chain_key, seq, hash, updated_at)
                values (:chain, 0, :genesis, now())
                on conflict (chain_key) do update set updated_at = h.updated_at
                returning seq, hash
                """)
                .setParameter("chain", chainKey)
                .setParameter("genesis", AuditHash.GENESIS)
                .getSingleResult();
        long seq = ((Number) head[0]).longValue() + 1;

        Caller who = caller.get();
        AuditRecord event = new AuditRecord(
                (String) head[1],
                UUID.randomUUID(),
                context.now(),
                chainKey,
                seq,
                operation,
                subject.type().apiName,
                subject.id(),
                who.subject(),
                who.username(),
                who.organisationCode(),
                Roles.ALL.stream().filter(who::has).sorted().collect(Collectors.joining(",")),
                requestId(),
                (String) snapshot[1],
                (UUID) snapshot[2],
                (UUID) snapshot[3],
                (String) snapshot[4],
                (String) snapshot[5],
                (String) snapshot[6],
                (String) snapshot[7],
                (String) snapshot[8],
                before,
                after,
                changes);
        String hash = AuditHash.of(event);
        insert(event, hash);
    }

    private Object[] snapshot(AuditSubject subject) {
        var query = em.createNativeQuery(subject.type().snapshotSql);
        List<Object> keys = subject.keys();
        for (int i = 0; i < keys.size(); i++) {
            query.setParameter(i + 1, keys.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (rows.size() != 1) {
            throw new IllegalStateException("audit: " + rows.size() + " states for " + subject.type() + " "
                    + subject.id() + " after its write");
        }
        return rows.get(0);
    }

    private String previousState(AuditSubject subject) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("""
                select after_state from audit_event
                 where object_type = :type and object_id = :id
                 order by id desc limit 1
                """)
                .setParameter("type", subject.type().apiName)
                .setParameter("id", subject.id())
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void insert(AuditRecord e, String hash) {
        // the event and its chain's new head in one statement (the head row is already locked above)
        em.createNativeQuery("""
                with head as (update audit_chain_head set seq = :seq, hash = :hash, updated_at = :at
                               where chain_key = :chain)
                insert into audit_event (event_id, occurred_at, chain_key, chain_seq, prev_hash, hash,
                       operation, object_type, object_id, actor_subject, actor_username, actor_org, actor_roles,
                       request_id, district, project_id, evaluation_id, purchaser_code, assessor_code,
                       provider_code, bureau_code, evaluation_state, before_state, after_state, changes)
                values (:eventId, :at, :chain, :seq, :prev, :hash, :operation, :type, :id, :subject,
                        :username, :org, :roles, :requestId, :district, :project, :evaluation, :purchaser,
                        :assessor, :provider, :bureau, :state, :before, :after, :changes)
                """)
                .setParameter("eventId", e.eventId())
                .setParameter("at", e.occurredAt().atOffset(java.time.ZoneOffset.UTC))
                .setParameter("chain", e.chainKey())
                .setParameter("seq", e.chainSeq())
                .setParameter("prev", e.prevHash())
                .setParameter("hash", hash)
                .setParameter("operation", e.operation())
                .setParameter("type", e.objectType())
                .setParameter("id", e.objectId())
                .setParameter("subject", e.actorSubject())
                .setParameter("username", e.actorUsername())
                .setParameter("org", e.actorOrg())
                .setParameter("roles", e.actorRoles())
                .setParameter("requestId", e.requestId())
                .setParameter("district", e.district())
                .setParameter("project", e.projectId())
                .setParameter("evaluation", e.evaluationId())
                .setParameter("purchaser", e.purchaserCode())
                .setParameter("assessor", e.assessorCode())
                .setParameter("provider", e.providerCode())
                .setParameter("bureau", e.bureauCode())
                .setParameter("state", e.evaluationState())
                .setParameter("before", e.beforeState())
                .setParameter("after", e.afterState())
                .setParameter("changes", e.changes())
                .executeUpdate();
    }

    private static String requestId() {
        Object id = MDC.get("requestId");
        return id == null ? null : id.toString();
    }

    /** The database's JSON as canonical text: keys sorted at every level, decimals exactly as stored. */
    static String canonical(Object json) {
        return json == null ? null : text(parse(json.toString()));
    }

    static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return sorted(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit: unreadable state", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), sorted(f.getValue())));
            ObjectNode out = JSON.createObjectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.elements().forEachRemaining(n -> items.add(sorted(n)));
            return JSON.createArrayNode().addAll(items);
        }
        return node;
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
