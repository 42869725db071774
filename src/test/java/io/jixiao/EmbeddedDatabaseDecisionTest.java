package io.jixiao;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL is a development default: a datasource configured in any form Quarkus reads must never
 * be replaced by it. Each source is given here as SmallRye builds it (environment names mapped, .env read as the
 * environment, profiles from {@code quarkus.profile}), on Quarkus's own builder; {@link EmbeddedDatabaseLaunchTest}
 * runs the launcher's real path in a separate JVM for the same forms.
 */
class EmbeddedDatabaseDecisionTest {

    private static final String URL = "jdbc:postgresql://db.internal:5432/jixiao";

    /** Quarkus's builder (profile handling included) with the given sources instead of the machine's. */
    private static boolean wanted(String profile, ConfigSource... sources) {
        List<ConfigSource> all = new ArrayList<>(List.of(sources));
        // The profile a packaged app runs with unless quarkus.profile says otherwise; pinned here because the
        // launch mode of this JVM depends on which @QuarkusTest ran before.
        all.add(new PropertiesConfigSource(Map.of("quarkus.profile", profile), "launch mode", Integer.MIN_VALUE + 1));
        // A @QuarkusTest that ran before in this JVM leaves its datasource as a system property, which
        // Quarkus's builder would read: the machine's sources are set aside while deciding.
        String leftOver = System.clearProperty(EmbeddedDatabase.JDBC_URL);
        try {
            SmallRyeConfigBuilder builder = ConfigUtils.emptyConfigBuilder().withSources(all);
            return EmbeddedDatabase.wanted(builder.build());
        } finally {
            if (leftOver != null) {
                System.setProperty(EmbeddedDatabase.JDBC_URL, leftOver);
            }
        }
    }

    private static ConfigSource environment(Map<String, String> variables) {
        return new EnvConfigSource(variables, EnvConfigSource.ORDINAL);
    }

    private static ConfigSource applicationProperties(Map<String, String> properties) {
        return new PropertiesConfigSource(properties, "application.properties", 250);
    }

    @Test
    void withNothingConfiguredTheEmbeddedDatabaseIsWanted() {
        assertTrue(wanted("prod"));
        assertTrue(wanted("prod", environment(Map.of("QUARKUS_DATASOURCE_JDBC_URL", " "))));
        assertTrue(wanted("prod", environment(Map.of("JIXIAO_EMBEDDED_POSTGRES", "true"))));
    }

    @Test
    void anEnvironmentVariableIsAConfiguredDatasource() {
        assertFalse(wanted("prod", environment(Map.of("QUARKUS_DATASOURCE_JDBC_URL", URL))));
    }

    @Test
    void aSystemPropertyIsAConfiguredDatasource() {
        assertFalse(wanted(
                "prod",
                new PropertiesConfigSource(Map.of("quarkus.datasource.jdbc.url", URL), "SysPropConfigSource", 400)));
    }

    @Test
    void applicationPropertiesIsAConfiguredDatasource() {
        assertFalse(wanted("prod", applicationProperties(Map.of("quarkus.datasource.jdbc.url", URL))));
    }

    @Test
    void aDotEnvFileIsAConfiguredDatasource(@TempDir Path dir) throws IOException {
        Path dotEnv = Files.writeString(dir.resolve(".env"), "QUARKUS_DATASOURCE_JDBC_URL=" + URL + "\n");
        List<ConfigSource> sources = DotEnvConfigSourceProvider.dotEnvSources(
                dotEnv.toUri().toString(), getClass().getClassLoader());
        assertFalse(wanted("prod", sources.toArray(ConfigSource[]::new)));
    }

    @Test
    void aKeyUnderTheActiveProfileIsAConfiguredDatasource() {
        assertFalse(wanted("prod", applicationProperties(Map.of("%prod.quarkus.datasource.jdbc.url", URL))));
        assertFalse(wanted("prod", environment(Map.of("_PROD_QUARKUS_DATASOURCE_JDBC_URL", URL))));
        assertFalse(wanted(
                "prod",
                environment(Map.of("QUARKUS_PROFILE", "staging")),
                applicationProperties(Map.of("%staging.quarkus.datasource.jdbc.url", URL))));
    }

    @Test
    void aKeyUnderAnotherProfileIsNot() {
        assertTrue(wanted("prod", applicationProperties(Map.of("%dev.quarkus.datasource.jdbc.url", URL))));
        assertTrue(wanted(
                "prod",
                environment(Map.of("QUARKUS_PROFILE", "staging")),
                applicationProperties(Map.of("%prod.quarkus.datasource.jdbc.url", URL))));
    }

    @Test
    void anExpressionThatCannotBeExpandedIsStillAConfiguredDatasource() {
        assertFalse(wanted("prod", applicationProperties(Map.of("quarkus.datasource.jdbc.url", "${DB_URL}"))));
    }

    @Test
    void jixiaoEmbeddedPostgresFalseRefusesTheEmbeddedDatabase() {
        assertFalse(wanted("prod", environment(Map.of("JIXIAO_EMBEDDED_POSTGRES", "false"))));
        assertFalse(wanted("prod", applicationProperties(Map.of("jixiao.embedded-postgres", "FALSE"))));
    }

    // ------------------------------------------------------------ the launcher's own builder, in this JVM

    /** Runs with the datasource URL system property as given (null: absent), restoring it afterwards. */
    private static boolean launcherWantsWithSystemProperty(String url) {
        String before = System.getProperty(EmbeddedDatabase.JDBC_URL); // a test resource may have set it
        try {
            if (url == null) {
                System.clearProperty(EmbeddedDatabase.JDBC_URL);
            } else {
                System.setProperty(EmbeddedDatabase.JDBC_URL, url);
            }
            return EmbeddedDatabase.wanted(ConfigUtils.configBuilder().build());
        } finally {
            if (before == null) {
                System.clearProperty(EmbeddedDatabase.JDBC_URL);
            } else {
                System.setProperty(EmbeddedDatabase.JDBC_URL, before);
            }
        }
    }

    @Test
    void theLaunchersConfigurationReadsSystemProperties() {
        assertTrue(launcherWantsWithSystemProperty(null));
        assertFalse(launcherWantsWithSystemProperty(URL));
    }

    @Test
    void theLaunchersConfigurationReadsApplicationPropertiesOnTheClassPath(@TempDir Path dir) throws IOException {
        // Both profiles this JVM may run under (prod, or test after a @QuarkusTest).
        Files.writeString(
                dir.resolve("application.properties"),
                "%prod.quarkus.datasource.jdbc.url=" + URL + "\n" + "%test.quarkus.datasource.jdbc.url=" + URL + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader withFile = new URLClassLoader(new URL[] {dir.toUri().toURL()}, before)) {
            thread.setContextClassLoader(withFile);
            assertFalse(launcherWantsWithSystemProperty(null));
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
