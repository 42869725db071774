package io.jixiao.audit;

import io.agroal.api.AgroalDataSource;
import io.jixiao.audit.AuditHash.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Re-computes the hash chains of the audit trail from the stored rows and reports the first
 * broken link: an event whose content no longer gives its hash, an event whose predecessor hash
 * is not its predecessor's hash, a gap in a chain's numbering, or a chain whose recorded head
 * (last number and hash) does not match its last event (events removed from its end). Rows are
 * streamed in chain order, so memory stays flat however long the trail.
 */
@ApplicationScoped
public class AuditVerifier {

    /** The first broken link found: where, what was expected and what was found. */
    public record Break(UUID eventId, String chainKey, long chainSeq, String problem, String expected, String found) {}

    public record Verification(long chains, long events, Optional<Break> firstBreak) {
        public boolean intact() {
            return firstBreak.isEmpty();
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /** Verifies every chain, or only {@code chainKey}'s when it is given. */
    public Verification verify(String chainKey) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                return verify(c, chainKey);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit verification could not read the trail", e);
        }
    }

    private Verification verify(Connection c, String only) throws SQLException {
        long chains = 0;
        long events = 0;
        try (PreparedStatement s = c.prepareStatement("""
                select e.event_id, e.occurred_at, e.chain_key, e.chain_seq, e.prev_hash, e.hash, e.operation,
                       e.object_type, e.object_id, e.actor_subject, e.actor_username, e.actor_org, e.actor_roles,
                       e.request_id, e.district, e.project_id, e.evaluation_id, e.purchaser_code, e.assessor_code,
                       e.provider_code, e.bureau_code, e.evaluation_state, e.before_state, e.after_state, e.changes,
                       h.seq, h.hash
                  from audit_event e left join audit_chain_head h on h.chain_key = e.chain_key
                 where (?::text is null or e.chain_key = ?::text)
                 order by e.chain_key, e.chain_seq
                """)) {
            s.setString(1, only);
            s.setString(2, only);
            s.setFetchSize(1000);
            try (ResultSet r = s.executeQuery()) {
                String chain = null;
                long expectedSeq = 0;
                String expectedPrev = null;
                Long headSeq = null;
                String headHash = null;
                UUID lastEvent = null;
                while (r.next()) {
                    AuditRecord e = record(r);
                    String storedHash = r.getString(6);
                    if (!e.chainKey().equals(chain)) {
                        if (chain != null) {
                            Optional<Break> end =
                                    checkHead(chain, lastEvent, expectedSeq - 1, expectedPrev, headSeq, headHash);
                            if (end.isPresent()) {
                                return new Verification(chains, events, end);
                            }
                        }
                        chain = e.chainKey();
                        chains++;
                        expectedSeq = 1;
                        expectedPrev = AuditHash.GENESIS;
                        long hs = r.getLong(26);
                        headSeq = r.wasNull() ? null : hs;
                        headHash = r.getString(27);
                    }
                    events++;
                    if (e.chainSeq() != expectedSeq) {
                        return broken(
                                chains,
                                events,
                                e,
                                "an event is missing before this one",
                                "chain position " + expectedSeq,
                                "chain position " + e.chainSeq());
                    }
                    if (!expectedPrev.equals(e.prevHash())) {
                        return broken(
                                chains,
                                events,
                                e,
                                "the predecessor hash does not match the previous event",
                                expectedPrev,
                                e.prevHash());
                    }
                    String computed = AuditHash.of(e);
                    if (!computed.equals(storedHash)) {
                        return broken(
                                chains,
                                events,
                                e,
                                "the event's content does not give its stored hash",
                                computed,
                                storedHash);
                    }
                    expectedPrev = storedHash;
                    expectedSeq++;
                    lastEvent = e.eventId();
                }
                if (chain != null) {
                    Optional<Break> end = checkHead(chain, lastEvent, expectedSeq - 1, expectedPrev, headSeq, headHash);
                    if (end.isPresent()) {
                        return new Verification(chains, events, end);
                    }
                }
            }
        }
        Optional<Break> orphan = headWithoutEvents(c, only);
        return new Verification(chains, events, orphan);
    }

    private static Optional<Break> checkHead(
            String chain, UUID lastEvent, long lastSeq, String lastHash, Long headSeq, String headHash) {
        if (headSeq == null || headSeq != lastSeq || !lastHash.equals(headHash)) {
            return Optional.of(new Break(
                    lastEvent,
                    chain,
                    lastSeq,
                    "the chain's recorded head does not match its last event (events removed from its end?)",
                    headSeq == null ? "no head" : headSeq + ":" + headHash,
                    lastSeq + ":" + lastHash));
        }
        return Optional.empty();
    }

    private static Optional<Break> headWithoutEvents(Connection c, String only) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select h.chain_key, h.seq, h.hash from audit_chain_head h
                 where h.seq > 0 and (?::text is null or h.chain_key = ?::text)
                   and not exists (select 1 from audit_event e where e.chain_key = h.chain_key)
                 order by h.chain_key limit 1
                """)) {
            s.setString(1, only);
            s.setString(2, only);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return Optional.of(new Break(
                            null,
                            r.getString(1),
                            0,
                            "the chain's recorded head names events that are not in the trail",
                            r.getLong(2) + ":" + r.getString(3),
                            "no events"));
                }
            }
        }
        return Optional.empty();
    }

    private static Verification broken(
            long chains, long events, AuditRecord e, String problem, String expected, String found) {
        return new Verification(
                chains,
                events,
                Optional.of(new Break(e.eventId(), e.chainKey(), e.chainSeq(), problem, expected, found)));
    }

    private static AuditRecord record(ResultSet r) throws SQLException {
        return new AuditRecord(
                r.getString(5),
                r.getObject(1, UUID.class),
                r.getObject(2, OffsetDateTime.class).toInstant(),
                r.getString(3),
                r.getLong(4),
                r.getString(7),
                r.getString(8),
                r.getString(9),
                r.getString(10),
                r.getString(11),
                r.getString(12),
                r.getString(13),
                r.getString(14),
                r.getString(15),
                r.getObject(16, UUID.class),
                r.getObject(17, UUID.class),
                r.getString(18),
                r.getString(19),
                r.getString(20),
                r.getString(21),
                r.getString(22),
                r.getString(23),
                r.getString(24),
                r.getString(25));
    }
}
