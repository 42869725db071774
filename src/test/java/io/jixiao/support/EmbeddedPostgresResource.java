package io.jixiao.support;

import io.jixiao.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** One real embedded PostgreSQL for the whole test run (the same server the run command uses). */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;

    @Override
    public synchronized Map<String, String> start() {
        if (database == null) {
            database = EmbeddedDatabase.start();
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        }
        return Map.of(
                // A free port for the management interface, chosen here rather than with port 0, with
                // which the test framework points RestAssured at the management port.
                "quarkus.management.test-port", String.valueOf(freePort()),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // kept for the next Quarkus application of this run; stopped by the shutdown hook
    }
}
