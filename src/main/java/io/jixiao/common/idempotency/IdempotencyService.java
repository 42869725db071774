package io.jixiao.common.idempotency;

import io.agroal.api.AgroalDataSource;
import io.jixiao.common.Outcome;
import io.jixiao.common.Sha256;
import io.jixiao.common.error.IdempotencyKeyReused;
import io.jixiao.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes creates safe to retry. A key is claimed by inserting a row inside the creating
 * transaction: a concurrent request with the same key blocks on the row until the first one
 * commits (then replays its result) or rolls back (then proceeds itself). Keys are scoped to
 * the caller (token subject) and the operation, and live for 24 hours.
 */
@ApplicationScoped
public class IdempotencyService {

    /** Plain statements on the request's own transaction connection (the same one Hibernate uses). */
    @Inject
    AgroalDataSource dataSource;

    /**
     * Runs a create at most once per key: without a key, creates; with a key seen before (same
     * request), replays what the first request created; otherwise creates and records the key.
     *
     * @param fingerprint what makes two requests the same request (target and body)
     * @param replay      loads what an earlier request with this key created, by its id
     * @param idOf        the id of what {@code create} made
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Outcome<T> once(
            Caller caller,
            String operation,
            String key,
            String fingerprint,
            Function<UUID, T> replay,
            Supplier<T> create,
            Function<T, UUID> idOf) {
        return once(caller, operation, key, "", fingerprint, replay, create, idOf);
    }

    /**
     * As {@link #once(Caller, String, String, String, Function, Supplier, Function)}, for an
     * operation on a target (e.g. the evaluation whose scores are submitted): a key reused on
     * another target is refused as such, not as "a different body".
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Outcome<T> once(
            Caller caller,
            String operation,
            String key,
            String target,
            String body,
            Function<UUID, T> replay,
            Supplier<T> create,
            Function<T, UUID> idOf) {
        if (key == null) {
            return Outcome.created(create.get());
        }
        Optional<UUID> earlier = claim(caller.subject(), operation, key, target, body);
        if (earlier.isPresent()) {
            return Outcome.replayed(replay.apply(earlier.get()));
        }
        T created = create.get();
        complete(caller.subject(), operation, key, idOf.apply(created));
        return Outcome.created(created);
    }

    /**
     * Claims the key; returns the id of the object an earlier request with this key created, or
     * empty when this request is the first and must create it (then call {@link #complete}).
     * The target and the body are compared apart, so the refusal can say which differed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<UUID> claim(String subject, String operation, String key, String target, String body) {
        String hash = Sha256.hex(body);
        String targetHash = Sha256.hex(target);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setString(1, subject);
                s.setString(2, operation);
                s.setString(3, key);
                s.setString(4, hash);
                s.setString(5, targetHash);
                if (s.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement s = c.prepareStatement(EARLIER)) {
                s.setString(1, subject);
                s.setString(2, operation);
                s.setString(3, key);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    String earlierTarget = r.getString(3);
                    if (earlierTarget != null && !targetHash.equals(earlierTarget)) {
                        throw new IdempotencyKeyReused("Idempotency-Key " + key
                                + " was already used for this operation on another object. Use a new key for a new"
                                + " request.");
                    }
                    if (!hash.equals(r.getString(1))) {
                        throw new IdempotencyKeyReused("Idempotency-Key " + key
                                + " was already used with a different request body. Use a new key for a new request.");
                    }
                    return Optional.of(r.getObject(2, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the Idempotency-Key could not be claimed", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void complete(String subject, String operation, String key, UUID resourceId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(COMPLETE)) {
            s.setObject(1, resourceId);
            s.setString(2, subject);
            s.setString(3, operation);
            s.setString(4, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the Idempotency-Key could not be completed", e);
        }
    }

    /** The key, claimed afresh or taken over once its record is older than a day; 0 rows: seen before. */
    private static final String CLAIM = """
            insert into idempotency_record
                   (subject, operation, idempotency_key, request_hash, target_hash, created_at)
            values (?, ?, ?, ?, ?, now())
            on conflict (subject, operation, idempotency_key) do update
               set request_hash = excluded.request_hash, target_hash = excluded.target_hash,
                   resource_id = null, created_at = now()
             where idempotency_record.created_at < now() - interval '24 hours'
            """;

    private static final String EARLIER = """
            select request_hash, resource_id, target_hash from idempotency_record
             where subject = ? and operation = ? and idempotency_key = ?
            """;

    private static final String COMPLETE = """
            update idempotency_record set resource_id = ?
             where subject = ? and operation = ? and idempotency_key = ?
            """;
}
