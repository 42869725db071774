package io.jixiao.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.common.error.Conflict;
import io.jixiao.common.error.InvalidInput;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void aRealConnectionFailureBecomes503WithRetryAfter() {
        // A real driver error: nothing listens on port 1.
        SQLException refused = assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:1/jixiao?connectTimeout=2", "x", "x"));
        var response = mapper.map(new RuntimeException("wrapped", new IllegalStateException(refused)), "/v1/projects");
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals("application/problem+json", response.getMediaType().toString());
        assertFalse(response.getEntity().toString().contains("PSQLException"));
    }

    @Test
    void domainExceptionsFindTheirStatusThroughWrappers() {
        assertEquals(
                409, mapper.map(new RuntimeException(new Conflict("dup")), "/x").getStatus());
        var invalid = mapper.map(InvalidInput.of("budget", "bad"), "/x");
        assertEquals(400, invalid.getStatus());
        assertTrue(invalid.getEntity().toString().contains("\"field\":\"budget\""));
    }

    @Test
    void unknownErrorsAre500WithAnIdAndNoStackTrace() {
        var response = mapper.map(new NullPointerException("secret internals"), "/x");
        assertEquals(500, response.getStatus());
        String body = response.getEntity().toString();
        assertTrue(body.contains("errorId"));
        assertFalse(body.contains("secret internals"));
        assertFalse(body.contains("NullPointerException"));
    }
}
