package io.jixiao.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.jixiao.analytics.Analytics;
import io.jixiao.analytics.AnalyticsQueries;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import io.jixiao.support.Api;
import io.jixiao.support.World;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Not a unit test (its name keeps it out of Surefire's default run): the cost of a report and of
 * the analytics on 40,000 projects. Run with {@code bench/report/run.sh}. It loads a synthetic
 * Guangzhou (11 districts × 15 streets, 40,000 projects with a 2022 budget line, 12 contract
 * indicators, both evaluations finalized with item scores, a satisfaction sample of 20 on the final
 * one, two mid-term findings with their rectification) with SQL into the embedded PostgreSQL,
 * runs VACUUM ANALYZE (autovacuum is off on these machines, see stack-notes), prints
 * EXPLAIN (ANALYZE, BUFFERS) of every analytics query for an auditor, a bureau and a street
 * office, times the HTTP answers, times the 2022 Wenchong report (JSON, Markdown, PDF) built through
 * the API, and writes bench/results/report-*.json and .md.
 */
@QuarkusTest
class ReportBench {

    static final int PROJECTS = Integer.getInteger("bench.projects", 40_000);

    @Inject
    AgroalDataSource db;

    @Test
    void measure() throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("projects", PROJECTS);
        long t0 = System.nanoTime();
        load();
        results.put("loadSeconds", (System.nanoTime() - t0) / 1e9);
        results.put("rows", counts());
        System.out.println("[bench] loaded " + results.get("rows") + " in " + results.get("loadSeconds") + " s");

        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put("auditor", new Caller("bench", "bench", Set.of(Roles.AUDITOR), "BN-AUDIT", null));
        callers.put("bureau", new Caller("bench", "bench", Set.of(Roles.BUREAU), "BN-BUR-3", "基准区3"));
        callers.put("street-office", new Caller("bench", "bench", Set.of(Roles.STREET_OFFICE), "BN-ST-3-7", null));
        Analytics.Filter filter = new Analytics.Filter(null, null, 2022, null, "DISTRICT");
        List<Map<String, Object>> plans = new ArrayList<>();
        StringBuilder md = new StringBuilder();
        for (Map.Entry<String, Caller> caller : callers.entrySet()) {
            for (AnalyticsQueries.Query q : AnalyticsQueries.all(caller.getValue(), filter)) {
                String plan = explain(q);
                double ms = executionMs(plan);
                boolean index = plan.contains("Index Scan")
                        || plan.contains("Index Only Scan")
                        || plan.contains("Bitmap Index Scan");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("caller", caller.getKey());
                row.put("query", q.name());
                row.put("executionMs", ms);
                row.put("usesIndex", index);
                plans.add(row);
                System.out.println("[bench] EXPLAIN " + q.name() + " as " + caller.getKey() + ": " + ms + " ms, index "
                        + index + "\n" + plan);
                md.append("\n### ")
                        .append(q.name())
                        .append(" as ")
                        .append(caller.getKey())
                        .append(" — ")
                        .append(ms)
                        .append(" ms\n\n```\n")
                        .append(plan)
                        .append("```\n");
            }
        }
        results.put("explain", plans);

        World world = World.create();
        Map<String, Object> http = new LinkedHashMap<>();
        String auditor = world.auditorToken();
        for (String path : List.of(
                "grades?fiscalYear=2022",
                "grades?fiscalYear=2022&groupBy=STREET",
                "party-scores?fiscalYear=2022",
                "indicator-completion?fiscalYear=2022",
                "samples?fiscalYear=2022",
                "rectifications?fiscalYear=2022")) {
            http.put(
                    "auditor " + path,
                    time(
                            6,
                            () -> Api.as(auditor)
                                    .get("/v1/analytics/" + path)
                                    .then()
                                    .statusCode(200)));
        }
        results.put("analyticsHttpMs", http);

        Wenchong2022 wenchong = Wenchong2022.build(world);
        String token = world.bureauToken();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put(
                "json",
                time(
                        20,
                        () -> Api.as(token)
                                .get("/v1/projects/{id}/reports/2022", wenchong.project)
                                .then()
                                .statusCode(200)));
        report.put(
                "markdown",
                time(
                        20,
                        () -> Api.as(token)
                                .accept("text/markdown")
                                .get("/v1/projects/{id}/reports/2022", wenchong.project)
                                .then()
                                .statusCode(200)));
        report.put(
                "pdf",
                time(
                        10,
                        () -> Api.as(token)
                                .accept("application/pdf")
                                .get("/v1/projects/{id}/reports/2022", wenchong.project)
                                .then()
                                .statusCode(200)));
        results.put("reportHttpMs", report);
        System.out.println("[bench] report " + report + "\n[bench] analytics " + http);

        write(results, md.toString());
        assertTrue(
                plans.stream().filter(p -> !"auditor".equals(p.get("caller"))).allMatch(p ->
                        (Boolean) p.get("usesIndex")),
                "scoped analytics use indexes: " + plans);
    }

    /** ms per call: min, median, p90, max over n calls after one warm-up. */
    private static Map<String, Object> time(int n, Runnable call) {
        call.run();
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", n);
        out.put("min", round(ms[0]));
        out.put("median", round(ms[n / 2]));
        out.put("p90", round(ms[(int) Math.ceil(n * 0.9) - 1]));
        out.put("max", round(ms[n - 1]));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private String explain(AnalyticsQueries.Query q) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement("explain (analyze, buffers) " + q.sql())) {
            for (int i = 0; i < q.params().size(); i++) {
                st.setObject(i + 1, q.params().get(i));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static double executionMs(String plan) {
        for (String line : plan.split("\n")) {
            if (line.startsWith("Execution Time:")) {
                return Double.parseDouble(line.replaceAll("[^0-9.]", ""));
            }
        }
        return -1;
    }

    private Map<String, Long> counts() throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
                Statement st = c.createStatement()) {
            for (String table : List.of(
                    "project", "evaluation", "submission_item_score", "indicator", "sample_response", "finding")) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    out.put(table, rs.getLong(1));
                }
            }
        }
        return out;
    }

    private void load() throws Exception {
        String sql = new String(
                        ReportBench.class
                                .getResourceAsStream("/bench/report-load.sql")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace(":projects", String.valueOf(PROJECTS));
        try (Connection c = db.getConnection();
                Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String statement : sql.split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    long t = System.nanoTime();
                    st.execute(statement);
                    System.out.printf(
                            "[bench] %.1f s  %s%n",
                            (System.nanoTime() - t) / 1e9,
                            statement
                                    .strip()
                                    .lines()
                                    .filter(l -> !l.startsWith("--"))
                                    .findFirst()
                                    .orElse(""));
                }
            }
            st.execute("vacuum analyze");
        }
    }

    private static void write(Map<String, Object> results, String plans) throws Exception {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Path dir = Path.of("bench/results");
        Files.createDirectories(dir);
        String json = new com.fasterxml.jackson.databind.ObjectMapper()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(results);
        Files.writeString(dir.resolve("report-" + stamp + ".json"), json);
        StringBuilder md = new StringBuilder("# Report and analytics cost, " + stamp + " UTC\n\n")
                .append(PROJECTS)
                .append(" projects, embedded PostgreSQL 17, after VACUUM ANALYZE; 2 shared cores.\n\n")
                .append("```json\n")
                .append(json)
                .append("\n```\n\n## EXPLAIN (ANALYZE, BUFFERS) of each analytics query\n")
                .append(plans);
        Files.writeString(dir.resolve("report-" + stamp + ".md"), md);
        System.out.println("[bench] wrote bench/results/report-" + stamp + ".json and .md");
    }
}
