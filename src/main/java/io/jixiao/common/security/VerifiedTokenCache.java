package io.jixiao.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Identities of bearer tokens that the OIDC provider has already verified (signature, issuer,
 * audience, expiry), so that a client sending the same token again is not verified again: the
 * RSA check and the claim parsing were most of the CPU a read request cost.
 *
 * <p>Only the verifier puts entries here ({@link VerifiedTokenRecorder}, which sees identities
 * after successful verification); the key is the SHA-256 of the exact token text, so a token
 * that differs in one character — a tampered one — is never found and goes through the full
 * verification. An entry is served only before the token's own {@code exp} (and at most
 * {@code jixiao.token-cache.max-ttl} after it was verified); once the token has expired the
 * entry is dropped and the request is verified — and refused — as if there were no cache. The
 * number of entries is bounded; when full, expired entries go first, then arbitrary ones (a
 * dropped entry only costs one more verification).
 */
@ApplicationScoped
public class VerifiedTokenCache {

    /** Attribute marking an identity that was served from this cache (not recorded again). */
    public static final String FROM_CACHE = "jixiao.token-cache.hit";

    record Entry(SecurityIdentity identity, long notAfterMillis) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    boolean enabled;
    int maxEntries;
    Duration maxTtl;

    /** From {@code jixiao.token-cache.*} (tests set the fields directly). */
    @jakarta.inject.Inject
    void configure(io.jixiao.common.JixiaoConfig config) {
        enabled = config.tokenCache().enabled();
        maxEntries = config.tokenCache().maxEntries();
        maxTtl = config.tokenCache().maxTtl();
    }

    Clock clock = Clock.systemUTC();

    public boolean enabled() {
        return enabled && maxEntries > 0;
    }

    /** The identity verified earlier for exactly this token, if it has not expired. */
    public Optional<SecurityIdentity> find(String token) {
        if (!enabled() || token == null) {
            return Optional.empty();
        }
        String key = keyOf(token);
        Entry entry = entries.get(key);
        if (entry == null) {
            misses.increment();
            return Optional.empty();
        }
        if (clock.millis() >= entry.notAfterMillis()) {
            entries.remove(key, entry);
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.identity());
    }

    /**
     * Records an identity the OIDC provider has just verified. Anything that is not a verified
     * JWT with an expiry (anonymous, no raw token, no exp, already expired) is not recorded.
     */
    public void record(SecurityIdentity identity) {
        if (!enabled()
                || identity == null
                || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        String token = jwt.getRawToken();
        long exp = jwt.getExpirationTime();
        if (token == null || exp <= 0) {
            return;
        }
        long now = clock.millis();
        long notAfter = Math.min(exp * 1000L, now + maxTtl.toMillis());
        if (notAfter <= now) {
            return;
        }
        if (entries.size() >= maxEntries) {
            makeRoom(now);
        }
        entries.put(keyOf(token), new Entry(identity, notAfter));
    }

    public int size() {
        return entries.size();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public void clear() {
        entries.clear();
    }

    /** Drops expired entries; if that frees too little, a tenth of the rest. */
    private void makeRoom(long now) {
        entries.values().removeIf(e -> now >= e.notAfterMillis());
        int excess = entries.size() - maxEntries + Math.max(1, maxEntries / 10);
        Iterator<String> keys = entries.keySet().iterator();
        while (excess-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    static String keyOf(String token) {
        return io.jixiao.common.Sha256.hex(token);
    }
}
