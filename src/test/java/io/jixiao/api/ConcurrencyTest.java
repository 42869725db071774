package io.jixiao.api;

import io.jixiao.support.Api;
import io.jixiao.support.World;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Racing writers: optimistic locking and idempotency keys hold under real parallel requests. */
@QuarkusTest
class ConcurrencyTest {

    private static final int WRITERS = 8;
    static World world;

    @BeforeEach
    void setUp() {
        if (world == null) {
            world = World.create();
        }
    }

    @Test
    void parallelReplacesWithTheSameETagLetExactlyOneWin() throws Exception {
        String id = world.createProject("并发修改项目");
        List<Integer> statuses = race(i -> {
            Map<String, Object> body = new HashMap<>(world.projectBody("并发修改项目-" + i));
            body.put("status", "ACTIVE");
            return Api.as(world.streetToken()).header("If-Match", "\"0\"").body(body)
                    .put("/v1/projects/{id}", id).statusCode();
        });
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(WRITERS - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        Api.as(world.streetToken()).get("/v1/projects/{id}", id).then().header("ETag", "\"1\"");
    }

    @Test
    void parallelCreatesWithOneIdempotencyKeyMakeOneProject() throws Exception {
        String key = "race-" + UUID.randomUUID();
        List<Integer> statuses = race(i -> Api.as(world.streetToken()).header("Idempotency-Key", key)
                .body(world.projectBody("并发幂等项目")).post("/v1/projects").statusCode());
        assertEquals(List.of(201), statuses.stream().distinct().toList());
        Api.as(world.streetToken()).queryParam("limit", 100).get("/v1/projects").then()
                .body("items.findAll { it.name == '并发幂等项目' }", hasSize(1));
    }

    @Test
    void parallelBudgetLineCreatesOfOneYearKeepOneLine() throws Exception {
        String id = world.createProject("并发预算项目");
        List<Integer> statuses = race(i -> Api.as(world.streetToken())
                .body(Map.of("budget", "1000.00", "executed", i + ".00"))
                .put("/v1/projects/{id}/budget-lines/2022", id).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        statuses.stream().filter(s -> s != 201).forEach(s -> assertEquals(true, s == 409 || s == 428, "" + s));
        Api.as(world.streetToken()).get("/v1/projects/{id}/budget-lines", id).then().body("items", hasSize(1));
    }

    interface Writer {
        int write(int i) throws Exception;
    }

    private static List<Integer> race(Writer writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
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
