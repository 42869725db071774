package io.jixiao.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jixiao.support.Api;
import io.jixiao.support.Scores;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Racing writers: optimistic locking and idempotency keys hold under real parallel requests. */
@QuarkusTest
@ExtendWith(WorldExtension.class)
class ConcurrencyTest {

    private static final int WRITERS = 8;
    static World world;

    @Test
    void parallelReplacesWithTheSameETagLetExactlyOneWin() throws Exception {
        String id = world.createProject("并发修改项目");
        List<Integer> statuses = race(i -> {
            Map<String, Object> body = new HashMap<>(world.projectBody("并发修改项目-" + i));
            body.put("status", "ACTIVE");
            return Api.as(world.streetToken())
                    .header("If-Match", "\"0\"")
                    .body(body)
                    .put("/v1/projects/{id}", id)
                    .statusCode();
        });
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(WRITERS - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        Api.as(world.streetToken()).get("/v1/projects/{id}", id).then().header("ETag", "\"1\"");
    }

    @Test
    void parallelCreatesWithOneIdempotencyKeyMakeOneProject() throws Exception {
        String key = "race-" + UUID.randomUUID();
        List<Integer> statuses = race(i -> Api.as(world.streetToken())
                .header("Idempotency-Key", key)
                .body(world.projectBody("并发幂等项目"))
                .post("/v1/projects")
                .statusCode());
        assertEquals(List.of(201), statuses.stream().distinct().toList());
        Api.as(world.streetToken())
                .queryParam("limit", 100)
                .get("/v1/projects")
                .then()
                .body("items.findAll { it.name == '并发幂等项目' }", hasSize(1));
    }

    @Test
    void parallelBudgetLineCreatesOfOneYearKeepOneLine() throws Exception {
        String id = world.createProject("并发预算项目");
        List<Integer> statuses = race(i -> Api.as(world.streetToken())
                .body(Map.of("budget", "1000.00", "executed", i + ".00"))
                .put("/v1/projects/{id}/budget-lines/2022", id)
                .statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        statuses.stream().filter(s -> s != 201).forEach(s -> assertEquals(true, s == 409 || s == 428, "" + s));
        Api.as(world.streetToken())
                .get("/v1/projects/{id}/budget-lines", id)
                .then()
                .body("items", hasSize(1));
    }

    @Test
    void parallelAmendmentsWithTheSameETagLetExactlyOneWin() throws Exception {
        String evaluation = world.openEvaluation("MID_TERM");
        world.submit(evaluation, "ASSESSOR", "80");
        List<Integer> statuses = race(i -> Api.as(world.assessorToken())
                .header("If-Match", "\"0\"")
                .body(Scores.amendment("ASSESSOR", String.valueOf(81 + i), "并发修改 " + i, world.assessorToken()))
                .put("/v1/evaluations/{id}/submissions/ASSESSOR", evaluation)
                .statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(WRITERS - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        Api.as(world.assessorToken())
                .get("/v1/evaluations/{id}/submissions/ASSESSOR/revisions", evaluation)
                .then()
                .body("items.revision", contains(1, 2));
    }

    @Test
    void parallelSubmitsWithOneIdempotencyKeyMakeOneSubmission() throws Exception {
        String evaluation = world.openEvaluation("FINAL");
        String key = "submit-" + UUID.randomUUID();
        Map<String, Object> body = Scores.submission("STREET_OFFICE", "91", world.streetToken());
        List<Integer> statuses = race(i -> Api.as(world.streetToken())
                .header("Idempotency-Key", key)
                .body(body)
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .statusCode());
        assertEquals(List.of(201), statuses.stream().distinct().toList());
        Api.as(world.streetToken())
                .get("/v1/evaluations/{id}/submissions/STREET_OFFICE/revisions", evaluation)
                .then()
                .body("items", hasSize(1));
    }

    @Test
    void parallelSubmitsWithoutAKeyKeepOneAndRefuseTheRest() throws Exception {
        String evaluation = world.openEvaluation("FINAL");
        List<Integer> statuses = race(i -> Api.as(world.bureauToken())
                .body(Scores.submission("BUREAU", String.valueOf(90 + i), world.bureauToken()))
                .post("/v1/evaluations/{id}/submissions", evaluation)
                .statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(WRITERS - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    @Test
    void finalizationRacingAnAmendmentNeverFreezesAScoreThatIsNotStored() throws Exception {
        for (int round = 0; round < 6; round++) {
            String evaluation = world.openEvaluation("MID_TERM");
            world.submit(evaluation, "BUREAU", "95");
            world.submit(evaluation, "STREET_OFFICE", "94");
            world.submit(evaluation, "ASSESSOR", "92");
            Map<String, Object> amendment = Scores.amendment("STREET_OFFICE", "85.5", "最后修改", world.streetToken());
            List<Integer> statuses = race(
                    2,
                    i -> i == 0
                            ? Api.as(world.bureauToken())
                                    .header("If-Match", "\"1\"")
                                    .post("/v1/evaluations/{id}/finalization", evaluation)
                                    .statusCode()
                            : Api.as(world.streetToken())
                                    .header("If-Match", "\"0\"")
                                    .body(amendment)
                                    .put("/v1/evaluations/{id}/submissions/STREET_OFFICE", evaluation)
                                    .statusCode());
            assertEquals(200, statuses.get(0), "finalization " + statuses);
            String frozen = Api.as(world.streetToken())
                    .get("/v1/evaluations/{id}/result", evaluation)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("parties[1].score");
            String stored = Api.as(world.streetToken())
                    .get("/v1/evaluations/{id}/submissions/STREET_OFFICE", evaluation)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("score");
            assertEquals(stored, frozen, "round " + round + ": " + statuses);
            assertEquals(statuses.get(1) == 200 ? "85.50" : "94.00", frozen, "round " + round + ": " + statuses);
            if (statuses.get(1) != 200) {
                assertEquals(409, statuses.get(1));
            }
        }
    }

    interface Writer {
        int write(int i) throws Exception;
    }

    private static List<Integer> race(Writer writer) throws Exception {
        return race(WRITERS, writer);
    }

    private static List<Integer> race(int writers, Writer writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                Callable<Integer> task = () -> {
                    start.await();
                    return writer.write(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
