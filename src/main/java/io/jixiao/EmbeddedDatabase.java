package io.jixiao;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.Expressions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
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

    /** The login role the app runs as on the embedded server (the schema belongs to {@code postgres}). */
    public static final String RUNTIME_ROLE = "jixiao_app";

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
        embedded.properties().forEach(System::setProperty);
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
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create role " + RUNTIME_ROLE + " login password '" + RUNTIME_ROLE + "'");
            }
            LOG.infof(
                    "embedded PostgreSQL started on port %d in %d ms",
                    postgres.getPort(), (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the runtime role in the embedded PostgreSQL", e);
        }
    }

    /**
     * The configuration that points the app at this server: Flyway migrates as the owner ({@code postgres}),
     * the app runs as {@link #RUNTIME_ROLE}, which may not change or remove audit events (V21), as in production
     * with separate roles.
     */
    public Map<String, String> properties() {
        return Map.of(
                JDBC_URL,
                jdbcUrl(),
                "quarkus.datasource.username",
                username(),
                "quarkus.datasource.password",
                password(),
                "quarkus.flyway.username",
                ownerUsername(),
                "quarkus.flyway.password",
                ownerPassword(),
                "quarkus.flyway.placeholders.runtime_role",
                RUNTIME_ROLE);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** The role the app runs as. */
    public String username() {
        return RUNTIME_ROLE;
    }

    public String password() {
        return RUNTIME_ROLE;
    }

    /** The superuser that owns the schema (migrations, and tests that act as a database administrator). */
    public String ownerUsername() {
        return "postgres";
    }

    public String ownerPassword() {
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
