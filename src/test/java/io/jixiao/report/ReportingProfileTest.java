package io.jixiao.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.jixiao.support.Api;
import io.jixiao.support.EmbeddedPostgresResource;
import io.jixiao.support.World;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With QUARKUS_DATASOURCE_REPORTING_JDBC_URL set (here: a second connection pool to the test
 * database, standing in for a read replica), reports read through the named datasource; with the
 * PDF font missing, a PDF request answers 503 naming the font, and JSON still works.
 */
@QuarkusTest
@TestProfile(ReportingProfileTest.ReplicaAndNoFont.class)
class ReportingProfileTest {

    public static class ReplicaAndNoFont implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jixiao.report.pdf.font", "/nonexistent/fonts/wqy-zenhei.ttc,0");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ReportingUrl.class));
        }
    }

    /** Points the reporting datasource at the embedded test database. */
    public static class ReportingUrl implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Map<String, String> main = new EmbeddedPostgresResource().start();
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.reporting.jdbc.url", main.get("quarkus.datasource.jdbc.url"));
            config.put("quarkus.datasource.reporting.username", main.get("quarkus.datasource.username"));
            config.put("quarkus.datasource.reporting.password", main.get("quarkus.datasource.password"));
            return config;
        }

        @Override
        public void stop() {}
    }

    @Inject
    ReportingDataSource reporting;

    @Inject
    @DataSource("reporting")
    AgroalDataSource named;

    @Test
    void reportsReadTheReportingDatasourceWhenItsUrlIsConfigured() throws Exception {
        assertEquals("reporting", reporting.name());
        World world = World.create();
        String project = world.createProject("只读副本报告项目");
        Api.as(world.bureauToken())
                .get("/v1/projects/{id}/reports/2022", project)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"));
        // the reporting pool's connections identify themselves to the server
        try (Connection c = named.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select current_setting('application_name')")) {
            assertTrue(rs.next());
            assertEquals("jixiao-reporting", rs.getString(1));
        }
    }

    @Test
    void aMissingPdfFontIsA503NamingTheFontNotAStackTrace() {
        World world = World.create();
        String project = world.createProject("缺字体报告项目");
        Api.as(world.auditorToken())
                .accept("application/pdf")
                .get("/v1/projects/{id}/reports/2022", project)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("/nonexistent/fonts/wqy-zenhei.ttc"))
                .body("detail", containsString("fonts-wqy-zenhei"))
                .body("title", equalTo("服务暂不可用"));
        Api.as(world.auditorToken())
                .get("/v1/projects/{id}/reports/2022", project)
                .then()
                .statusCode(200);
    }
}
