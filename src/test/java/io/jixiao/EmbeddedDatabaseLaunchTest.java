package io.jixiao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher's first step, {@link EmbeddedDatabase#startUnlessDatasourceConfigured()} exactly as
 * {@link JixiaoMain#main} calls it, in a fresh JVM with a real environment, working directory ({@code .env},
 * {@code config/application.properties}), system properties and class path, as a packaged app would meet them.
 * Where nothing is configured it really starts (and stops) the embedded PostgreSQL.
 */
class EmbeddedDatabaseLaunchTest {

    private static final String URL = "jdbc:postgresql://db.internal:5432/jixiao";
    private static final String NONE = "RESULT no embedded database";

    /** The launcher's step, then the outcome on one line; the datasource named is the one Quarkus would get. */
    public static final class Probe {
        public static void main(String[] args) {
            EmbeddedDatabase embedded = EmbeddedDatabase.startUnlessDatasourceConfigured();
            if (embedded == null) {
                System.out.println(NONE);
            } else {
                System.out.println("RESULT embedded database at " + System.getProperty(EmbeddedDatabase.JDBC_URL));
                embedded.close();
            }
        }
    }

    @TempDir
    Path workDir;

    private String launch(Map<String, String> environment, List<String> jvmOptions, Path extraClassPath)
            throws IOException, InterruptedException {
        String javaCommand =
                Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A short-lived JVM: start fast rather than optimise.
        List<String> command = new ArrayList<>(List.of(javaCommand, "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        String classPath = System.getProperty("java.class.path");
        command.addAll(List.of(
                "-cp",
                extraClassPath == null ? classPath : extraClassPath + File.pathSeparator + classPath,
                Probe.class.getName()));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        // Only what each case sets: nothing inherited from the machine may name a datasource or a profile.
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("_") || name.startsWith("JIXIAO_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output;
        try {
            boolean ended = process.waitFor(90, TimeUnit.SECONDS);
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(ended, () -> "the launcher did not finish:\n" + output);
        } finally {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> "the launcher failed:\n" + output);
        return output.lines()
                .filter(line -> line.startsWith("RESULT "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result in:\n" + output));
    }

    private String launch(Map<String, String> environment) throws IOException, InterruptedException {
        return launch(environment, List.of(), null);
    }

    @Test
    void withNothingConfiguredTheLauncherStartsTheEmbeddedDatabase() throws Exception {
        String result = launch(Map.of());
        assertTrue(result.startsWith("RESULT embedded database at jdbc:postgresql://localhost:"), result);
    }

    @Test
    void anEnvironmentVariableKeepsTheConfiguredDatasource() throws Exception {
        assertEquals(NONE, launch(Map.of("QUARKUS_DATASOURCE_JDBC_URL", URL)));
    }

    @Test
    void aSystemPropertyKeepsTheConfiguredDatasource() throws Exception {
        assertEquals(NONE, launch(Map.of(), List.of("-Dquarkus.datasource.jdbc.url=" + URL), null));
    }

    @Test
    void aDotEnvFileInTheWorkingDirectoryKeepsTheConfiguredDatasource() throws Exception {
        Files.writeString(workDir.resolve(".env"), "QUARKUS_DATASOURCE_JDBC_URL=" + URL + "\n");
        assertEquals(NONE, launch(Map.of()));
    }

    @Test
    void applicationPropertiesOnTheClassPathKeepsTheConfiguredDatasource() throws Exception {
        Path resources = Files.createDirectories(workDir.resolve("extra-classes"));
        Files.writeString(resources.resolve("application.properties"), "quarkus.datasource.jdbc.url=" + URL + "\n");
        assertEquals(NONE, launch(Map.of(), List.of(), resources));
    }

    @Test
    void aProdProfileKeyInConfigApplicationPropertiesKeepsTheConfiguredDatasource() throws Exception {
        Path config = Files.createDirectories(workDir.resolve("config"));
        Files.writeString(config.resolve("application.properties"), "%prod.quarkus.datasource.jdbc.url=" + URL + "\n");
        assertEquals(NONE, launch(Map.of()));
    }

    @Test
    void aKeyOfTheProfileChosenByQuarkusProfileKeepsTheConfiguredDatasource() throws Exception {
        Files.writeString(workDir.resolve(".env"), "_STAGING_QUARKUS_DATASOURCE_JDBC_URL=" + URL + "\n");
        assertEquals(NONE, launch(Map.of("QUARKUS_PROFILE", "staging")));
    }

    @Test
    void aDevProfileKeyDoesNotCountInProduction() throws Exception {
        Path config = Files.createDirectories(workDir.resolve("config"));
        Files.writeString(config.resolve("application.properties"), "%dev.quarkus.datasource.jdbc.url=" + URL + "\n");
        String result = launch(Map.of());
        assertTrue(result.startsWith("RESULT embedded database at jdbc:postgresql://localhost:"), result);
    }

    @Test
    void jixiaoEmbeddedPostgresFalseStartsNothing() throws Exception {
        assertEquals(NONE, launch(Map.of("JIXIAO_EMBEDDED_POSTGRES", "false")));
    }
}
