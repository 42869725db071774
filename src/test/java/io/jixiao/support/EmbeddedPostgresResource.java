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
        Map<String, String> config = new java.util.HashMap<>(database.properties());
        // A free port for the management interface, chosen here rather than with port 0, with
        // which the test framework points RestAssured at the management port.
        config.put("quarkus.management.test-port", String.valueOf(freePort()));
        return config;
    }

    /** A connection as the database's superuser, for tests that act as a database administrator. */
    public static java.sql.Connection superuserConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(
                database.jdbcUrl(), database.ownerUsername(), database.ownerPassword());
    }

    /** A connection as the role the app runs as. */
    public static java.sql.Connection runtimeConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
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
