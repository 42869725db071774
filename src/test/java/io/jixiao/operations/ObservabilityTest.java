package io.jixiao.operations;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jixiao.support.Api;
import io.jixiao.support.Management;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(WorldExtension.class)
class ObservabilityTest {

    static World world;

    /** The API's own port, as bound (the management interface has another). */
    @TestHTTPResource("/")
    URL api;

    private io.restassured.specification.RequestSpecification publicPort() {
        return RestAssured.given().port(api.getPort());
    }

    @Test
    void readinessIsTheDatabaseAloneTheIdentityProviderHasItsOwnGroupAndLivenessNeither() {
        Management.request()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem("identity provider JWKS")));
        Management.request()
                .get("/q/health/group/identity-provider")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem("identity provider JWKS"));
        Management.request()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("checks.name", not(hasItem("identity provider JWKS")))
                .body("checks.name", not(hasItem("Database connections health check")));
    }

    @Test
    void operatorEndpointsAreNotServedOnThePublicPort() {
        org.junit.jupiter.api.Assertions.assertNotEquals(api.getPort(), Management.port());
        publicPort().get("/q/metrics").then().statusCode(404).contentType("application/problem+json");
        publicPort().get("/q/health/ready").then().statusCode(404);
        Management.request().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void metricLabelsNeverCarryARawPathThatMatchedNoRoute() {
        String probe = "probe" + java.util.UUID.randomUUID().toString().replace("-", "");
        publicPort()
                .auth()
                .oauth2(world.auditorToken())
                .get("/v1/" + probe)
                .then()
                .statusCode(404)
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
        publicPort()
                .auth()
                .oauth2(world.auditorToken())
                .get("/v1/projects/" + probe + "/x")
                .then()
                .statusCode(404)
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
        String metrics = Management.request()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(metrics.contains(probe), "a raw path became a metric label");
    }

    private static double counter(String metrics, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{" + labels + "[^}]*\\} ([0-9.E]+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void businessCountersCountSubmissionsAmendmentsFinalizationsAndProblems() {
        String before = Management.request()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String evaluation = world.openEvaluation("FINAL");
        world.submit(evaluation, "BUREAU", "95");
        world.submit(evaluation, "STREET_OFFICE", "94");
        world.submit(evaluation, "ASSESSOR", "93");
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", evaluation)
                .then()
                .statusCode(200);
        Api.as(world.auditorToken())
                .queryParam("limit", 1000)
                .get("/v1/projects")
                .then()
                .statusCode(400);
        String after = Management.request()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertEquals(
                1,
                counter(after, "jixiao_submissions_total", "party=\"ASSESSOR\"")
                        - counter(before, "jixiao_submissions_total", "party=\"ASSESSOR\""));
        assertEquals(
                1,
                counter(after, "jixiao_finalizations_total", "grade=\"EXCELLENT\"")
                        - counter(before, "jixiao_finalizations_total", "grade=\"EXCELLENT\""));
        assertEquals(
                1,
                counter(after, "jixiao_problems_total", "status=\"400\",type=\"validation\"")
                        - counter(before, "jixiao_problems_total", "status=\"400\",type=\"validation\""));
    }

    @Test
    void everyResponseCarriesARequestIdAndAPlausibleOneIsKept() {
        RestAssured.given()
                .header("X-Request-Id", "trace-12345678")
                .get("/v1/projects")
                .then()
                .statusCode(401)
                .header("X-Request-Id", "trace-12345678");
        String generated = RestAssured.given()
                .header("X-Request-Id", "bad id\n")
                .get("/v1/projects")
                .then()
                .extract()
                .header("X-Request-Id");
        assertEquals(36, generated.length());
    }
}
