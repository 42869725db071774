package io.jixiao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.support.RawHttp;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests the HTTP layer itself refuses — before any route or resource runs — are answered as
 * problem documents like every other error: a malformed percent-escape, a raw control character
 * or non-ASCII byte in the request line, a request line or header block over the server's limits,
 * a chunked body over the size limit. Sent byte for byte over a socket, since a client library
 * would repair or refuse most of them.
 */
@QuarkusTest
@ExtendWith(WorldExtension.class)
class MalformedHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static World world;

    private static RawHttp.Response get(String target) throws IOException {
        return RawHttp.send(
                RestAssured.port,
                "GET",
                target,
                Map.of("Authorization", "Bearer " + world.auditorToken()),
                null,
                false);
    }

    /** A problem document of this status, carrying a request id and no trace of the server's internals. */
    private static JsonNode problem(RawHttp.Response response, int status) throws IOException {
        assertEquals(status, response.status(), response.bodyText());
        assertNotNull(response.header("content-type"), "no media type");
        assertTrue(
                response.header("content-type").startsWith("application/problem+json"),
                "media type " + response.header("content-type") + ": " + response.bodyText());
        assertNotNull(response.header("x-request-id"), "no request id");
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(status, problem.path("status").asInt());
        assertTrue(problem.path("type").asText().startsWith("https://jixiao.example.gov.cn/problems/"));
        assertFalse(problem.path("title").asText().isEmpty());
        assertFalse(problem.path("detail").asText().isEmpty());
        assertFalse(response.bodyText().contains("Exception"), response.bodyText());
        assertFalse(response.bodyText().contains("\tat "), response.bodyText());
        return problem;
    }

    @Test
    void aMalformedPercentEscapeInThePathIs400NamingThePath() throws IOException {
        JsonNode problem = problem(get("/v1/projects/%zz"), 400);
        assertEquals("path", problem.path("errors").path(0).path("field").asText(), problem.toString());
    }

    @Test
    void aTruncatedPercentEscapeAtTheEndOfThePathIs400() throws IOException {
        problem(get("/v1/projects/%E"), 400);
    }

    @Test
    void aMalformedPercentEscapeInTheQueryIs400NamingTheParameter() throws IOException {
        JsonNode problem = problem(get("/v1/projects?district=%zz"), 400);
        assertEquals("district", problem.path("errors").path(0).path("field").asText(), problem.toString());
    }

    @Test
    void anIncompleteUtf8SequenceInTheQueryIs400NamingTheParameter() throws IOException {
        JsonNode problem = problem(get("/v1/projects?district=%E4%B8"), 400);
        assertEquals("district", problem.path("errors").path(0).path("field").asText(), problem.toString());
    }

    @Test
    void anIncompleteUtf8SequenceInThePathIs400NamingThePath() throws IOException {
        JsonNode problem = problem(get("/v1/projects/%E4%B8"), 400);
        assertEquals("path", problem.path("errors").path(0).path("field").asText(), problem.toString());
    }

    @Test
    void aRawControlCharacterInTheRequestLineIs400() throws IOException {
        problem(get("/v1/projects?district=a\u0001b"), 400);
    }

    @Test
    void aRawNonAsciiByteInTheRequestLineIs400() throws IOException {
        problem(get("/v1/projects?district=黄埔"), 400);
    }

    @Test
    void aHeaderTheDecoderCannotReadIs400AsAProblem() throws IOException {
        RawHttp.Response response = RawHttp.send(
                RestAssured.port,
                "GET",
                "/v1/projects",
                Map.of("Authorization", "Bearer " + world.auditorToken(), "Bad\u0001Name", "x"),
                null,
                false);
        problem(response, 400);
    }

    @Test
    void aRequestLineOverTheServersLimitIs414AsAProblem() throws IOException {
        problem(get("/v1/projects?district=" + "a".repeat(140 * 1024)), 414);
    }

    @Test
    void aHeaderBlockOverTheServersLimitIs431AsAProblem() throws IOException {
        RawHttp.Response response = RawHttp.send(
                RestAssured.port,
                "GET",
                "/v1/projects",
                Map.of("Authorization", "Bearer " + world.auditorToken(), "X-Padding", "p".repeat(64 * 1024)),
                null,
                false);
        problem(response, 431);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AsAProblem() throws IOException {
        byte[] body = ("{\"name\":\"" + "长".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Response response = RawHttp.send(
                RestAssured.port,
                "POST",
                "/v1/projects",
                Map.of("Authorization", "Bearer " + world.streetToken(), "Content-Type", "application/json"),
                body,
                true);
        problem(response, 413);
    }

    @Test
    void aChunkedBodyWithinTheLimitStillReachesTheResource() throws IOException {
        byte[] body = JSON.writeValueAsBytes(world.projectBody("分块传输项目"));
        RawHttp.Response response = RawHttp.send(
                RestAssured.port,
                "POST",
                "/v1/projects",
                Map.of("Authorization", "Bearer " + world.streetToken(), "Content-Type", "application/json"),
                body,
                true);
        assertEquals(201, response.status(), response.bodyText());
        assertEquals("分块传输项目", JSON.readTree(response.body()).path("name").asText());
    }

    @Test
    void aContentLengthBodyOverTheLimitIs413AsAProblem() throws IOException {
        byte[] body = ("{\"name\":\"" + "长".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Response response = RawHttp.send(
                RestAssured.port,
                "POST",
                "/v1/projects",
                Map.of("Authorization", "Bearer " + world.streetToken(), "Content-Type", "application/json"),
                body,
                false);
        problem(response, 413);
    }

    @Test
    void anUnknownPathIsStill404AndAWrongMethodStill405() throws IOException {
        problem(get("/v1/no-such-thing"), 404);
        RawHttp.Response response = RawHttp.send(
                RestAssured.port,
                "DELETE",
                "/v1/projects",
                Map.of("Authorization", "Bearer " + world.auditorToken()),
                null,
                false);
        problem(response, 405);
    }

    @Test
    void theDocumentationTheContractAndTheManagementPortStillAnswer() throws IOException {
        assertEquals(200, get("/q/openapi").status());
        assertEquals(200, get("/docs/").status());
        RawHttp.Response health =
                RawHttp.send(io.jixiao.support.Management.port(), "GET", "/q/health/live", Map.of(), null, false);
        assertEquals(200, health.status(), health.bodyText());
        RawHttp.Response metrics =
                RawHttp.send(io.jixiao.support.Management.port(), "GET", "/q/metrics", Map.of(), null, false);
        assertEquals(200, metrics.status());
    }

    @Test
    void aWellFormedTargetWithEscapedChineseStillPasses() throws IOException {
        assertEquals(200, get("/v1/projects?district=%E9%BB%84%E5%9F%94").status());
    }
}
