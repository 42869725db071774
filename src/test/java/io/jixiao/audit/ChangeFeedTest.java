package io.jixiao.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.support.Api;
import io.jixiao.support.EmbeddedPostgresResource;
import io.jixiao.support.Sse;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The change feed: exactly once and in order while others write, scoped per organisation, and
 * the SSE stream resuming from Last-Event-ID and keeping idle connections alive.
 */
@QuarkusTest
@ExtendWith(WorldExtension.class)
class ChangeFeedTest {

    static World world;
    static World foreign;
    static World streaming;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonPath page(String token, String after, int limit) {
        var request = Api.as(token).queryParam("limit", limit);
        if (after != null) {
            request = request.queryParam("after", after);
        }
        return request.get("/v1/events").then().statusCode(200).extract().jsonPath();
    }

    /** Every event of the feed from {@code after} on, as JSON objects, and the cursor to go on from. */
    private static List<Map<String, Object>> readAll(String token, String[] cursor) {
        List<Map<String, Object>> events = new ArrayList<>();
        while (true) {
            JsonPath page = page(token, cursor[0], 100);
            List<Map<String, Object>> items = page.getList("items");
            assertNotNull(page.getString("nextCursor"), "the feed always answers a cursor");
            cursor[0] = page.getString("nextCursor");
            events.addAll(items);
            if (items.size() < 100) {
                return events;
            }
        }
    }

    @Test
    void aConsumerReadingWhileOthersWriteReceivesEveryEventExactlyOnceInOrder() throws Exception {
        String bureau = world.bureauToken();
        String street = world.streetToken();
        List<String> received = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                for (int i = 0; i < 5; i++) {
                    String project = Api.raw()
                            .auth()
                            .oauth2(street)
                            .contentType("application/json")
                            .body(world.projectBody("并发推送项目-" + writer + "-" + i))
                            .post("/v1/projects")
                            .then()
                            .statusCode(201)
                            .extract()
                            .<String>path("id");
                    Map<String, Object> body = new LinkedHashMap<>(world.projectBody("并发推送项目（改）-" + writer + "-" + i));
                    body.put("status", "ACTIVE");
                    Api.raw()
                            .auth()
                            .oauth2(street)
                            .contentType("application/json")
                            .header("If-Match", "\"0\"")
                            .body(body)
                            .put("/v1/projects/{id}", project)
                            .then()
                            .statusCode(200);
                }
                return null;
            }));
        }
        Thread stopper = new Thread(() -> {
            try {
                for (Future<?> f : done) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                writing.set(false);
            }
        });
        stopper.start();

        // the consumer: small pages, as fast as it can, while the writers write
        String cursor = null;
        int pagesWhileWriting = 0;
        long deadline = System.currentTimeMillis() + 120_000;
        int emptyAfterDone = 0;
        while (emptyAfterDone < 2 && System.currentTimeMillis() < deadline) {
            boolean stillWriting = writing.get();
            JsonPath page = page(bureau, cursor, 7);
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if (world.district.equals(item.get("district"))) {
                    received.add((String) item.get("eventId"));
                }
            }
            cursor = page.getString("nextCursor");
            if (stillWriting) {
                pagesWhileWriting++;
            } else if (items.isEmpty()) {
                emptyAfterDone++;
            }
        }
        stopper.join();
        writers.shutdown();
        for (Future<?> f : done) {
            f.get();
        }
        assertTrue(pagesWhileWriting > 1, "the consumer read while the writers wrote: " + pagesWhileWriting);

        List<String> expected = eventsOfDistrict(world.district);
        assertEquals(new HashSet<>(received).size(), received.size(), "no event twice");
        assertTrue(expected.size() >= 7 + 40, "registrations and the 40 writes: " + expected.size());
        assertEquals(expected, received, "every event of the district, in (transaction, id) order");
    }

    @Test
    void aStreetOfficeNeverReceivesAnotherOrganisationsEvents() throws SQLException {
        String own = world.createProject("推送本街道项目");
        String other = foreign.createProject("推送外区项目");
        foreign.createEvaluation(other, 2022, "FINAL");
        String otherStreet = Api.as(world.otherStreetToken())
                .body(world.projectBody("推送另一街道项目"))
                .post("/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .<String>path("id");

        List<Map<String, Object>> events = readAll(world.streetToken(), new String[] {null});
        Set<String> projects = new HashSet<>();
        for (Map<String, Object> event : events) {
            Object project = event.get("projectId");
            assertFalse(
                    event.containsKey("actor") || event.containsKey("after") || event.containsKey("before"),
                    event.toString());
            if (project != null) {
                projects.add((String) project);
                assertEquals(world.streetOffice, purchaserOf((String) event.get("eventId")), event.toString());
            }
        }
        assertTrue(projects.contains(own));
        assertFalse(projects.contains(other));
        assertFalse(projects.contains(otherStreet));
    }

    @Test
    void theStreamResumesFromLastEventIdAndTheAfterParameter() throws Exception {
        String street = streaming.streetToken();
        String cursor0 = readAllCursor(street);
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            projects.add(streaming.createProject("推送流项目-" + i));
        }
        String[] at = {cursor0};
        List<Map<String, Object>> created = readAll(street, at).stream()
                .filter(e -> projects.contains(e.get("projectId")))
                .toList();
        assertEquals(3, created.size());
        String firstCursor = (String) created.get(0).get("cursor");

        for (Map<String, String> resume : List.of(Map.of("Last-Event-ID", firstCursor), Map.<String, String>of())) {
            String query = resume.isEmpty() ? "after=" + firstCursor : "after=" + cursor0;
            List<Sse.Frame> frames =
                    Sse.read(street, resume, query, f -> changes(f).size() >= 2);
            List<Sse.Frame> changes = changes(frames);
            assertTrue(changes.size() >= 2, frames.toString());
            // the header wins over the parameter (which here would start earlier)
            List<String> ids = new ArrayList<>();
            for (Sse.Frame frame : changes.subList(0, 2)) {
                JsonNode data = JSON.readTree(frame.data());
                assertEquals(frame.id(), data.path("cursor").asText(), "the SSE id is the event's cursor");
                ids.add(data.path("projectId").asText());
            }
            assertEquals(projects.subList(1, 3), ids, "resumes right after the first project's event: " + resume);
        }
    }

    @Test
    void anIdleStreamSendsHeartbeatsAndEndsForTheClientToReconnect() {
        String street = streaming.streetToken();
        String end = readAllCursor(street);
        Sse.Head head = Sse.head(street, Map.of(), "after=" + end);
        assertEquals(200, head.status());
        assertTrue(head.contentType().startsWith("text/event-stream"), head.contentType());

        long started = System.currentTimeMillis();
        List<Sse.Frame> frames = Sse.read(street, Map.of("Last-Event-ID", end), null, f -> false);
        long millis = System.currentTimeMillis() - started;
        long heartbeats =
                frames.stream().filter(f -> "heartbeat".equals(f.comment())).count();
        assertTrue(heartbeats >= 2, "heartbeats every 0.3 s of a 1.5 s stream: " + frames);
        assertTrue(millis < 10_000, "the stream ends (test max-stream 1.5 s): " + millis + " ms");
    }

    @Test
    void aCursorTheApiDidNotIssueIsRefusedNamingWhereItCameFrom() {
        Api.as(world.streetToken())
                .queryParam("after", "not-a-cursor")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.is("after"));
        assertEquals(
                400,
                Sse.head(world.streetToken(), Map.of("Last-Event-ID", "djE6eA"), null)
                        .status());
        assertEquals(401, Sse.head(null, Map.of(), null).status());
    }

    private static String readAllCursor(String token) {
        String[] cursor = {null};
        readAll(token, cursor);
        return cursor[0];
    }

    private static List<Sse.Frame> changes(List<Sse.Frame> frames) {
        return frames.stream().filter(f -> "change".equals(f.event())).toList();
    }

    private static String purchaserOf(String eventId) throws SQLException {
        try (Connection c = EmbeddedPostgresResource.runtimeConnection();
                PreparedStatement s =
                        c.prepareStatement("select purchaser_code from audit_event where event_id = ?::uuid")) {
            s.setString(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return r.getString(1);
            }
        }
    }

    private static List<String> eventsOfDistrict(String district) throws SQLException {
        try (Connection c = EmbeddedPostgresResource.runtimeConnection();
                PreparedStatement s = c.prepareStatement(
                        "select event_id::text from audit_event where district = ? order by xact_id, id")) {
            s.setString(1, district);
            List<String> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        }
    }
}
