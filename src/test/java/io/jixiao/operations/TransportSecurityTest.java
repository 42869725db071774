package io.jixiao.operations;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.jixiao.support.Api;
import io.jixiao.support.Management;
import io.jixiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Production transport rules: HTTPS only (directly or via a trusted proxy), health exempt. */
@QuarkusTest
@TestProfile(TransportSecurityTest.RequireHttps.class)
class TransportSecurityTest {

    public static class RequireHttps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "jixiao.require-https",
                    "true",
                    "jixiao.require-https.exempt-loopback",
                    "false",
                    "quarkus.http.proxy.proxy-address-forwarding",
                    "true",
                    "quarkus.http.proxy.allow-x-forwarded",
                    "true",
                    "quarkus.http.proxy.trusted-proxies",
                    "127.0.0.1");
        }
    }

    private static final String AUDITOR = Tokens.of("auditor-tls", "auditor", "AU-TLS");

    @Test
    void plainHttpReadsAreRedirectedAndWritesRefused() {
        RestAssured.given()
                .config(RestAssured.config()
                        .redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .auth()
                .oauth2(AUDITOR)
                .get("/v1/projects")
                .then()
                .statusCode(308)
                .header("Location", startsWith("https://"));
        RestAssured.given()
                .auth()
                .oauth2(AUDITOR)
                .contentType("application/json")
                .body("{}")
                .post("/v1/projects")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void requestsForwardedAsHttpsByTheTrustedProxyPass() {
        Api.as(AUDITOR)
                .header("X-Forwarded-Proto", "https")
                .get("/v1/projects")
                .then()
                .statusCode(200);
    }

    @Test
    void theClusterStillReachesHealthOverPlainHttp() {
        Management.request().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
