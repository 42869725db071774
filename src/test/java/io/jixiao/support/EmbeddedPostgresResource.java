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
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }

    @Override
    public void stop() {
        // kept for the next Quarkus application of this run; stopped by the shutdown hook
    }
}
