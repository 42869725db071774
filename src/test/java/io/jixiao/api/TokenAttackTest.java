package io.jixiao.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.jixiao.common.security.Roles;
import io.jixiao.support.Api;
import io.jixiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every forged, stale or foreign token is refused with 401, never reaching a resource. */
@QuarkusTest
class TokenAttackTest {

    private static JwtClaimsBuilder auditor() {
        return Tokens.claims("mallory", Set.of(Roles.AUDITOR), "HP-SJJ");
    }

    @Test
    void aValidTokenIsAccepted() {
        Api.as(Tokens.signedWithTestKey(auditor())).get("/v1/projects").then().statusCode(200);
    }

    @Test
    void noTokenIs401WithAPlainChallenge() {
        Api.anonymous()
                .get("/v1/projects")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void expiredTokenIs401() {
        String token = Tokens.signedWithTestKey(auditor()
                .issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(600)));
        assertRefused(Api.as(token).get("/v1/projects")).header("WWW-Authenticate", containsString("expired"));
    }

    @Test
    void wrongIssuerIs401() {
        assertRefused(Api.as(Tokens.signedWithTestKey(auditor().issuer("https://evil.example.com")))
                        .get("/v1/projects"))
                .header("WWW-Authenticate", containsString("issuer"));
    }

    @Test
    void wrongAudienceIs401() {
        assertRefused(Api.as(Tokens.signedWithTestKey(auditor().audience("another-api")))
                        .get("/v1/projects"))
                .header("WWW-Authenticate", containsString("audience"));
    }

    @Test
    void unsignedAlgNoneTokenIs401() {
        String signed = Tokens.signedWithTestKey(auditor());
        String payload = signed.split("\\.")[1];
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertRefused(Api.as(header + "." + payload + ".").get("/v1/projects"));
    }

    @Test
    void tokenSignedByAForeignKeyIs401() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = Tokens.signedWith(auditor(), generator.generateKeyPair().getPrivate());
        assertRefused(Api.as(token).get("/v1/projects"));
    }

    @Test
    void tamperedPayloadIs401() {
        String[] parts = Tokens.signedWithTestKey(auditor()).split("\\.");
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("HP-SJJ", "HP-XXX")
                        .getBytes(StandardCharsets.UTF_8));
        assertRefused(Api.as(parts[0] + "." + forged + "." + parts[2]).get("/v1/projects"));
    }

    @Test
    void garbageTokenIs401() {
        assertRefused(Api.as("not-a-jwt").get("/v1/projects"));
    }

    /** A presented token that is refused: 401 problem and an RFC 6750 invalid_token challenge. */
    private static io.restassured.response.ValidatableResponse assertRefused(Response response) {
        return response.then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                .header("WWW-Authenticate", not(containsString("Exception")))
                .body("status", equalTo(401));
    }
}
