package io.jixiao.common.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.support.Api;
import io.jixiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bearer token is verified once and its identity reused until the token expires — with real
 * RS256 tokens from the OIDC test server, through real HTTP: a cached identity never outlives its
 * token, and a token that differs from a verified one in any way is verified (and refused) in full.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    VerifiedTokenCache cache;

    @BeforeEach
    void empty() {
        cache.clear();
    }

    private static JwtClaimsBuilder auditor(String name) {
        return Tokens.claims(name, Set.of(Roles.AUDITOR), "HP-SJJ");
    }

    @Test
    void aVerifiedTokenIsVerifiedOnceThenServedFromTheCache() {
        String token = Tokens.signedWithTestKey(auditor("ada"));
        long hits = cache.hits();

        Api.as(token).get("/v1/me").then().statusCode(200).body("username", equalTo("ada"));
        assertEquals(1, cache.size(), "the verified identity is recorded");
        assertTrue(cache.find(token).isPresent());
        long afterFirst = cache.hits();

        Api.as(token)
                .get("/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("ada"))
                .body("organisationCode", equalTo("HP-SJJ"));
        assertTrue(cache.hits() > afterFirst, "the second request was answered from the cache");
        assertTrue(afterFirst >= hits);
    }

    @Test
    void eachTokenGetsItsOwnIdentity() {
        String ada = Tokens.signedWithTestKey(auditor("ada"));
        String wen = Tokens.of("wenchong", Roles.STREET_OFFICE, "HP-WC");
        for (int i = 0; i < 3; i++) {
            Api.as(ada)
                    .get("/v1/me")
                    .then()
                    .statusCode(200)
                    .body("username", equalTo("ada"))
                    .body("organisationCode", equalTo("HP-SJJ"));
            Api.as(wen)
                    .get("/v1/me")
                    .then()
                    .statusCode(200)
                    .body("username", equalTo("wenchong"))
                    .body("organisationCode", equalTo("HP-WC"));
        }
        assertEquals(2, cache.size());
    }

    @Test
    void anExpiredTokenIsRefusedEvenThoughItWasCached() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(3);
        String token = Tokens.signedWithTestKey(auditor("shortlived").expiresAt(expiry));
        Api.as(token).get("/v1/projects").then().statusCode(200);
        Api.as(token).get("/v1/projects").then().statusCode(200);
        assertTrue(cache.find(token).isPresent(), "cached while valid");

        long wait = expiry.toEpochMilli() - System.currentTimeMillis() + 1_200;
        Thread.sleep(Math.max(0, wait));

        Api.as(token).get("/v1/projects").then().statusCode(401);
        assertTrue(cache.find(token).isEmpty(), "an expired token's identity is gone from the cache");
    }

    @Test
    void aTamperedTokenIsNeverServedFromTheCache() {
        String token = Tokens.signedWithTestKey(auditor("mallory"));
        Api.as(token).get("/v1/projects").then().statusCode(200);
        assertTrue(cache.find(token).isPresent());

        String[] parts = token.split("\\.");
        String forgedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("HP-SJJ", "HP-XXX")
                        .getBytes(StandardCharsets.UTF_8));
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];
        char last = parts[2].charAt(parts[2].length() - 2);
        String badSignature = parts[0] + "." + parts[1] + "."
                + parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A')
                + parts[2].charAt(parts[2].length() - 1);

        for (int i = 0; i < 2; i++) {
            Api.as(forged).get("/v1/projects").then().statusCode(401);
            Api.as(badSignature).get("/v1/projects").then().statusCode(401);
            Api.as(token + "x").get("/v1/projects").then().statusCode(401);
        }
        assertTrue(cache.find(forged).isEmpty());
        assertTrue(cache.find(badSignature).isEmpty());
        assertEquals(1, cache.size(), "only the genuine token was ever recorded");
        Api.as(token).get("/v1/projects").then().statusCode(200);
    }

    @Test
    void aTokenThatExpiredBeforeItWasSeenIsNeitherAcceptedNorRecorded() {
        String token = Tokens.signedWithTestKey(auditor("late")
                .issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(5)));
        Api.as(token).get("/v1/projects").then().statusCode(401);
        assertEquals(0, cache.size());
    }
}
