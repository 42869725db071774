package io.jixiao.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** The cache's own rules, on a fixed clock: bounded size, never past exp or the maximum age. */
class VerifiedTokenCacheBoundsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");

    private static VerifiedTokenCache cache(int maxEntries, Duration maxTtl, Instant now) {
        VerifiedTokenCache cache = new VerifiedTokenCache();
        cache.enabled = true;
        cache.maxEntries = maxEntries;
        cache.maxTtl = maxTtl;
        cache.clock = Clock.fixed(now, ZoneOffset.UTC);
        return cache;
    }

    private static QuarkusSecurityIdentity identity(String raw, Instant exp) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("s-" + raw);
        claims.setExpirationTime(NumericDate.fromSeconds(exp.getEpochSecond()));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(raw, "JWT", claims))
                .build();
    }

    @Test
    void servedUntilExpiryAndNotAfter() {
        VerifiedTokenCache cache = cache(10, Duration.ofMinutes(15), NOW);
        cache.record(identity("t1", NOW.plusSeconds(60)));
        assertTrue(cache.find("t1").isPresent());
        cache.clock = Clock.fixed(NOW.plusSeconds(59), ZoneOffset.UTC);
        assertTrue(cache.find("t1").isPresent());
        cache.clock = Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC);
        assertTrue(cache.find("t1").isEmpty(), "at exp the token is no longer served");
        assertEquals(0, cache.size());
    }

    @Test
    void neverLongerThanTheMaximumAge() {
        VerifiedTokenCache cache = cache(10, Duration.ofMinutes(5), NOW);
        cache.record(identity("long", NOW.plus(Duration.ofHours(8))));
        cache.clock = Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
        assertTrue(cache.find("long").isEmpty());
    }

    @Test
    void expiredOrExpiryLessTokensAreNotRecorded() {
        VerifiedTokenCache cache = cache(10, Duration.ofMinutes(15), NOW);
        cache.record(identity("old", NOW.minusSeconds(1)));
        JwtClaims noExp = new JwtClaims();
        noExp.setSubject("x");
        cache.record(QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal("noexp", "JWT", noExp))
                .build());
        assertEquals(0, cache.size());
    }

    @Test
    void boundedInSize() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(15), NOW);
        for (int i = 0; i < 1_000; i++) {
            cache.record(identity("t" + i, NOW.plusSeconds(600)));
            assertTrue(cache.size() <= 100);
        }
        assertTrue(cache.find("t999").isPresent(), "the newest entry is kept");
    }

    @Test
    void offMeansNothingIsKept() {
        VerifiedTokenCache cache = cache(10, Duration.ofMinutes(15), NOW);
        cache.enabled = false;
        cache.record(identity("t", NOW.plusSeconds(60)));
        assertTrue(cache.find("t").isEmpty());
        assertEquals(0, cache.size());
    }
}
