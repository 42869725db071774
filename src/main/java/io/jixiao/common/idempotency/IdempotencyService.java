package io.jixiao.common.idempotency;

import io.jixiao.common.Outcome;
import io.jixiao.common.Sha256;
import io.jixiao.common.error.IdempotencyKeyReused;
import io.jixiao.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
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

    @Inject
    EntityManager em;

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
        int claimed = em.createNativeQuery("""
                insert into idempotency_record
                       (subject, operation, idempotency_key, request_hash, target_hash, created_at)
                values (:subject, :operation, :key, :hash, :target, now())
                on conflict (subject, operation, idempotency_key) do update
                   set request_hash = excluded.request_hash, target_hash = excluded.target_hash,
                       resource_id = null, created_at = now()
                 where idempotency_record.created_at < now() - interval '24 hours'
                """)
                .setParameter("subject", subject)
                .setParameter("operation", operation)
                .setParameter("key", key)
                .setParameter("hash", hash)
                .setParameter("target", targetHash)
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select request_hash, resource_id, target_hash from idempotency_record
                 where subject = :subject and operation = :operation and idempotency_key = :key
                """)
                .setParameter("subject", subject)
                .setParameter("operation", operation)
                .setParameter("key", key)
                .getResultList();
        Object[] row = rows.get(0);
        if (row[2] != null && !targetHash.equals(row[2])) {
            throw new IdempotencyKeyReused("Idempotency-Key " + key + " was already used for this operation on "
                    + "another object. Use a new key for a new request.");
        }
        if (!hash.equals(row[0])) {
            throw new IdempotencyKeyReused("Idempotency-Key " + key
                    + " was already used with a different request body. Use a new key for a new request.");
        }
        return Optional.of((UUID) row[1]);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void complete(String subject, String operation, String key, UUID resourceId) {
        em.createNativeQuery("""
                update idempotency_record set resource_id = :resource
                 where subject = :subject and operation = :operation and idempotency_key = :key
                """)
                .setParameter("resource", resourceId)
                .setParameter("subject", subject)
                .setParameter("operation", operation)
                .setParameter("key", key)
                .executeUpdate();
    }
}
