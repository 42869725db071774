package io.jixiao.operations;

import static org.hamcrest.Matchers.equalTo;

import io.jixiao.EmbeddedDatabase;
import io.jixiao.support.Api;
import io.jixiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real database outage: this application runs on its own embedded PostgreSQL, which the test
 * stops. Requests then answer 503 with Retry-After — never a 500, never a stack trace.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        static final EmbeddedDatabase DATABASE = EmbeddedDatabase.start();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    DATABASE.jdbcUrl(),
                    "quarkus.datasource.username",
                    DATABASE.username(),
                    "quarkus.datasource.password",
                    DATABASE.password(),
                    "quarkus.datasource.jdbc.acquisition-timeout",
                    "2S");
        }
    }

    @Test
    void aStoppedDatabaseAnswers503WithRetryAfter() {
        String auditor = Tokens.of("auditor-outage", "auditor", "AU-OUTAGE");
        Api.as(auditor).get("/v1/projects").then().statusCode(200);
        OwnDatabase.DATABASE.close();
        Api.as(auditor)
                .get("/v1/projects")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://jixiao.example.gov.cn/problems/service-unavailable"));
        Api.as(auditor).get("/v1/organisations").then().statusCode(503);
    }
}
