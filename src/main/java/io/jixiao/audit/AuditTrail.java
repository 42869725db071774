package io.jixiao.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.jixiao.audit.AuditHash.AuditRecord;
import io.jixiao.common.AuditContext;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** The chain's head, created at genesis or row-locked, with the object's last recorded state. */
    private static final String HEAD_AND_PREVIOUS = """
            with head as (insert into audit_chain_head as h (chain_key, seq, hash, updated_at)
                          values (?, 0, ?, now())
                          on conflict (chain_key) do update set updated_at = h.updated_at
                          returning seq, hash)
            select head.seq, head.hash,
                   (select after_state from audit_event
                     where object_type = ? and object_id = ?
                     order by id desc limit 1)
              from head
            """;

    /** The event and its chain's new head in one statement (the head row is locked already). */
    private static final String INSERT = """
            with head as (update audit_chain_head set seq = ?, hash = ?, updated_at = ?
                           where chain_key = ?)
            insert into audit_event (event_id, occurred_at, chain_key, chain_seq, prev_hash, hash,
                   operation, object_type, object_id, actor_subject, actor_username, actor_org, actor_roles,
                   request_id, district, project_id, evaluation_id, purchaser_code, assessor_code,
                   provider_code, bureau_code, evaluation_state, before_state, after_state, changes)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    @Inject
    AgroalDataSource dataSource;

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
        try (Connection connection = dataSource.getConnection()) {
            append(connection, operation, subject);
        } catch (SQLException e) {
            throw new IllegalStateException("audit: the event could not be appended", e);
        }
    }

    /**
     * Three plain statements on the write's own connection (its transaction): the object's state
     * as written, the chain head (created or row-locked) together with the object's previous
     * recorded state, and the event with the head moved on.
     */
    private void append(Connection connection, String operation, AuditSubject subject) throws SQLException {
        Object[] snapshot = snapshot(connection, subject);
        String after = canonical(snapshot[0]);
        String chainKey = (String) snapshot[9];
        long headSeq;
        String headHash;
        String before;
        try (PreparedStatement s = connection.prepareStatement(HEAD_AND_PREVIOUS)) {
            s.setString(1, chainKey);
            s.setString(2, AuditHash.GENESIS);
            s.setString(3, subject.type().apiName);
            s.setObject(4, subject.id());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                headSeq = r.getLong(1);
                headHash = r.getString(2);
                before = r.getString(3);
            }
        }
        String changes = text(JsonChanges.between(parse(before), parse(after)));
        long seq = headSeq + 1;

        Caller who = caller.get();
        AuditRecord event = new AuditRecord(
                headHash,
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
        insert(connection, event, hash);
    }

    private static Object[] snapshot(Connection connection, AuditSubject subject) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(subject.type().snapshotSql)) {
            List<Object> keys = subject.keys();
            for (int i = 0; i < keys.size(); i++) {
                s.setObject(i + 1, keys.get(i));
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Object[] row = new Object[10];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            if (rows.size() != 1) {
                throw new IllegalStateException("audit: " + rows.size() + " states for " + subject.type() + " "
                        + subject.id() + " after its write");
            }
            return rows.get(0);
        }
    }

    private static void insert(Connection connection, AuditRecord e, String hash) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(INSERT)) {
            Object[] values = {
                e.chainSeq(),
                hash,
                e.occurredAt().atOffset(java.time.ZoneOffset.UTC),
                e.chainKey(),
                e.eventId(),
                e.occurredAt().atOffset(java.time.ZoneOffset.UTC),
                e.chainKey(),
                e.chainSeq(),
                e.prevHash(),
                hash,
                e.operation(),
                e.objectType(),
                e.objectId(),
                e.actorSubject(),
                e.actorUsername(),
                e.actorOrg(),
                e.actorRoles(),
                e.requestId(),
                e.district(),
                e.projectId(),
                e.evaluationId(),
                e.purchaserCode(),
                e.assessorCode(),
                e.providerCode(),
                e.bureauCode(),
                e.evaluationState(),
                e.beforeState(),
                e.afterState(),
                e.changes()
            };
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
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
