package io.jixiao.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Real signed access tokens, shaped like the production realm's: RS256 with the OIDC test
 * server's key, audience {@code jixiao-api}, roles and the {@code org_id} claim.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "jixiao-api";
    private static final String KEY = "privateKey.jwk";

    private Tokens() {}

    public static String of(String username, String role, String organisation) {
        return claims(username, Set.of(role), organisation).jws().keyId("1").sign(KEY);
    }

    public static JwtClaimsBuilder claims(String username, Set<String> roles, String organisation) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .preferredUserName(username)
                .groups(roles)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600));
        if (organisation != null) {
            builder.claim("org_id", organisation);
        }
        return builder;
    }

    public static String signedWith(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId("1").sign(key);
    }

    public static String signedWithTestKey(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign(KEY);
    }

    /** The {@code sub} claim of a token (read, not verified: the app verifies). */
    public static String subjectOf(String token) {
        String payload = new String(
                java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(payload)
                    .path("sub")
                    .asText(null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
