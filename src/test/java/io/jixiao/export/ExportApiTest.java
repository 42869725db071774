package io.jixiao.export;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.jixiao.support.Api;
import io.jixiao.support.Scores;
import io.jixiao.support.World;
import io.jixiao.support.WorldExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exports over the API with real tokens on the real database: row counts of every dataset match
 * what the world created, CSV and XLSX read back exactly (BOM, Chinese, quoting, exact decimals),
 * each caller's export holds only its own scope, and bad requests are problems.
 */
@QuarkusTest
@ExtendWith(WorldExtension.class)
class ExportApiTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String NAME_A = "文冲街社工服务站（家庭综合服务中心）运营项目, \"试点\"";
    static final String NAME_B = "另一街道的项目";

    static World world;
    static World foreign;

    private static Data data;

    /** What the world holds, built once for the class. */
    record Data(
            String projectA,
            String projectB,
            String finalized,
            String midTerm,
            String draftOfB,
            int bureauItems,
            int streetItems,
            int assessorItems,
            int strata) {}

    private static synchronized Data data() {
        if (data != null) {
            return data;
        }
        String projectA = world.createProject(NAME_A);
        String finalized = world.openEvaluation(projectA, "FINAL");
        world.submit(finalized, "BUREAU", "95");
        world.submit(finalized, "STREET_OFFICE", "94.5");
        world.submit(finalized, "ASSESSOR", "90");
        Api.as(world.assessorToken())
                .header("If-Match", "\"0\"")
                .body(Scores.amendment("ASSESSOR", "92.8", "补充材料后调整：个案记录12份", world.assessorToken()))
                .put("/v1/evaluations/{id}/submissions/ASSESSOR", finalized)
                .then()
                .statusCode(200);
        Api.as(world.bureauToken())
                .header("If-Match", "\"1\"")
                .post("/v1/evaluations/{id}/finalization", finalized)
                .then()
                .statusCode(200);
        String midTerm = world.openEvaluation(projectA, "MID_TERM");
        world.submit(midTerm, "BUREAU", "90");
        world.submit(midTerm, "STREET_OFFICE", "88");
        Api.as(world.streetToken())
                .body(Map.of(
                        "indicators",
                        List.of(
                                indicator("phone-visits", "电访", "860", "886"),
                                indicator("case-records", "个案记录", "12", "10.50"),
                                indicator("formula-check", "=1+1 公式", null, "3"))))
                .put("/v1/projects/{id}/indicators/2022", projectA)
                .then()
                .statusCode(201);
        String projectB = Api.as(world.otherStreetToken())
                .body(world.projectBody(NAME_B))
                .post("/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String draftOfB = world.createEvaluation(projectB, 2022, "FINAL");
        int strata = 0;
        for (String evaluation : List.of(finalized, midTerm)) {
            for (String kind : List.of("AWARENESS", "SATISFACTION")) {
                strata += Api.as(world.auditorToken())
                        .get("/v1/evaluations/{id}/samples/{kind}", evaluation, kind)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("strata")
                        .size();
            }
        }
        data = new Data(
                projectA,
                projectB,
                finalized,
                midTerm,
                draftOfB,
                Scores.maxima("BUREAU", world.auditorToken()).size(),
                Scores.maxima("STREET_OFFICE", world.auditorToken()).size(),
                Scores.maxima("ASSESSOR", world.auditorToken()).size(),
                strata);
        return data;
    }

    private static Map<String, Object> indicator(String key, String name, String target, String actual) {
        Map<String, Object> indicator = new java.util.HashMap<>(
                Map.of("key", key, "name", name, "unit", "个", "category", "OUTPUT", "actual", actual));
        if (target != null) {
            indicator.put("target", target);
        }
        return indicator;
    }

    // ---- helpers

    static Response export(String token, String dataset, String accept, Object... query) {
        var request = Api.as(token).accept(accept);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam((String) query[i], query[i + 1]);
        }
        return request.get("/v1/exports/{dataset}", dataset);
    }

    /** The CSV's rows as text fields (header first), checking the BOM and RFC 4180 framing. */
    static List<List<String>> csv(Response response) throws IOException {
        response.then().statusCode(200).contentType(startsWith("text/csv"));
        byte[] bytes = response.asByteArray();
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte-order mark");
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), "every record ends with CRLF");
        CsvMapper mapper = new CsvMapper();
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(text)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }

    static List<Map<String, String>> records(List<List<String>> rows) {
        List<String> header = rows.get(0);
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(header.size(), row.size(), "every row has every column");
            Map<String, String> record = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                record.put(header.get(i), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    static List<Map<String, String>> csvRecords(String token, String dataset, Object... query) throws IOException {
        return records(csv(export(token, dataset, "text/csv", query)));
    }

    // ---- row counts

    @Test
    void everyDatasetHasOneRowPerThingTheWorldCreated() throws IOException {
        Data d = data();
        String auditor = world.auditorToken();
        assertEquals(
                3,
                csvRecords(auditor, "evaluations", "district", world.district).size());
        assertEquals(
                1, csvRecords(auditor, "results", "district", world.district).size());
        // finalized only for an auditor: every party's items, the assessor's in both revisions
        assertEquals(
                d.bureauItems() + d.streetItems() + 2 * d.assessorItems(),
                csvRecords(auditor, "submissions", "district", world.district).size());
        assertEquals(
                3, csvRecords(auditor, "indicators", "district", world.district).size());
        assertEquals(
                d.strata(),
                csvRecords(auditor, "samples", "district", world.district).size());
        // filters narrow
        assertEquals(
                1,
                csvRecords(auditor, "evaluations", "district", world.district, "phase", "MID_TERM")
                        .size());
        assertEquals(
                2, csvRecords(auditor, "evaluations", "projectId", d.projectA()).size());
        assertEquals(
                0,
                csvRecords(auditor, "evaluations", "district", world.district, "fiscalYear", 2021)
                        .size());
    }

    // ---- CSV and XLSX read back

    @Test
    void csvReadsBackExactly() throws IOException {
        Data d = data();
        List<List<String>> rows = csv(export(world.auditorToken(), "results", "text/csv", "district", world.district));
        assertEquals(
                List.of(
                        "evaluationId",
                        "projectId",
                        "projectName",
                        "fiscalYear",
                        "phase",
                        "district",
                        "street",
                        "purchaser",
                        "provider",
                        "assessor",
                        "weightBureau",
                        "weightStreetOffice",
                        "weightAssessor",
                        "scoreBureau",
                        "scoreStreetOffice",
                        "scoreAssessor",
                        "totalExact",
                        "total",
                        "grade",
                        "spread",
                        "flagged",
                        "finalizedAt",
                        "finalizedBy"),
                rows.get(0));
        Map<String, String> result = records(rows).get(0);
        Map<String, Object> api = Api.as(world.auditorToken())
                .get("/v1/evaluations/{id}/result", d.finalized())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals(d.finalized(), result.get("evaluationId"));
        assertEquals(NAME_A, result.get("projectName"), "Chinese text, comma and quotes intact");
        assertEquals(world.district, result.get("district"));
        assertEquals("文冲街道", result.get("street"));
        assertEquals(api.get("total"), result.get("total"));
        assertEquals(api.get("totalExact"), result.get("totalExact"));
        assertEquals(api.get("grade"), result.get("grade"));
        assertEquals("95.00", result.get("scoreBureau"));
        assertEquals("94.50", result.get("scoreStreetOffice"));
        assertEquals("92.80", result.get("scoreAssessor"));
        assertEquals("2022", result.get("fiscalYear"));
        assertEquals("false", result.get("flagged"));
        assertTrue(result.get("finalizedAt").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"));

        List<Map<String, String>> indicators =
                csvRecords(world.auditorToken(), "indicators", "projectId", d.projectA());
        assertEquals(List.of("电访", "个案记录", "'=1+1 公式"), column(indicators, "name"), "a formula is defused");
        assertEquals(List.of("860.00", "12.00", ""), column(indicators, "target"));
        assertEquals(List.of("886.00", "10.50", "3.00"), column(indicators, "actual"));
        assertEquals(List.of("103.02", "87.50", ""), column(indicators, "completionRate"));
    }

    @Test
    void xlsxReadsBackExactly() throws IOException {
        Data d = data();
        Response response = Api.as(world.auditorToken())
                .accept(XLSX)
                .queryParam("district", world.district)
                .get("/v1/exports/results");
        response.then().statusCode(200).contentType(XLSX);
        List<Map<String, String>> fromCsv = csvRecords(world.auditorToken(), "results", "district", world.district);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            Sheet sheet = workbook.getFirstSheet();
            assertEquals("results", sheet.getName());
            List<Row> rows = sheet.read();
            assertEquals(2, rows.size());
            List<String> header = rows.get(0).stream().map(c -> c.getText()).toList();
            assertEquals(new ArrayList<>(fromCsv.get(0).keySet()), header, "the same columns as CSV");
            Row row = rows.get(1);
            assertEquals(d.finalized(), row.getCellText(header.indexOf("evaluationId")));
            assertEquals(NAME_A, row.getCellText(header.indexOf("projectName")));
            assertEquals(world.district, row.getCellText(header.indexOf("district")));
            // decimals are numeric cells holding the exact decimal
            for (String decimal : List.of("total", "totalExact", "scoreStreetOffice", "weightAssessor")) {
                BigDecimal cell = row.getCellAsNumber(header.indexOf(decimal)).orElseThrow();
                assertEquals(0, new BigDecimal(fromCsv.get(0).get(decimal)).compareTo(cell), decimal + " exact");
                assertEquals(
                        fromCsv.get(0).get(decimal),
                        row.getCellRawValue(header.indexOf(decimal)).orElseThrow());
            }
            assertEquals(
                    2022,
                    row.getCellAsNumber(header.indexOf("fiscalYear"))
                            .orElseThrow()
                            .intValue());
            assertEquals(
                    fromCsv.get(0).get("finalizedAt"),
                    row.getCellText(header.indexOf("finalizedAt")),
                    "timestamps are ISO 8601 text");
            assertEquals(
                    Boolean.FALSE,
                    row.getCellAsBoolean(header.indexOf("flagged")).orElseThrow());
        }
        // the format parameter chooses as well; a large dataset reads back with every row
        Response submissions = Api.as(world.auditorToken())
                .accept("*/*")
                .queryParam("format", "xlsx")
                .queryParam("district", world.district)
                .get("/v1/exports/submissions");
        submissions.then().statusCode(200).contentType(XLSX);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(submissions.asByteArray()))) {
            assertEquals(
                    d.bureauItems() + d.streetItems() + 2 * d.assessorItems() + 1,
                    workbook.getFirstSheet().read().size());
        }
    }

    // ---- scope and independence

    @Test
    void eachCallerExportsOnlyItsOwnScope() throws IOException {
        Data d = data();
        List<Map<String, String>> street = csvRecords(world.streetToken(), "evaluations");
        assertEquals(List.of(d.finalized(), d.midTerm()), column(street, "evaluationId"));
        List<Map<String, String>> otherStreet = csvRecords(world.otherStreetToken(), "evaluations");
        assertEquals(List.of(d.draftOfB()), column(otherStreet, "evaluationId"));
        assertEquals(3, csvRecords(world.bureauToken(), "evaluations").size());
        assertEquals(0, csvRecords(foreign.bureauToken(), "evaluations").size(), "another district's bureau");
        assertEquals(
                0,
                csvRecords(foreign.bureauToken(), "evaluations", "district", world.district)
                        .size(),
                "a filter never widens the scope");
        assertEquals(0, csvRecords(world.otherStreetToken(), "indicators").size());
        assertEquals(0, csvRecords(foreign.streetToken(), "samples").size());
    }

    @Test
    void unfinalizedScoresAppearOnlyToThePartyThatGaveThem() throws IOException {
        Data d = data();
        int finalizedRows = d.bureauItems() + d.streetItems() + 2 * d.assessorItems();
        List<Map<String, String>> street = csvRecords(world.streetToken(), "submissions");
        assertEquals(finalizedRows + d.streetItems(), street.size());
        assertEquals(
                List.of("STREET_OFFICE"),
                street.stream()
                        .filter(r -> r.get("evaluationId").equals(d.midTerm()))
                        .map(r -> r.get("party"))
                        .distinct()
                        .toList());
        List<Map<String, String>> bureau = csvRecords(world.bureauToken(), "submissions");
        assertEquals(finalizedRows + d.bureauItems(), bureau.size());
        assertEquals(
                List.of("BUREAU"),
                bureau.stream()
                        .filter(r -> r.get("evaluationId").equals(d.midTerm()))
                        .map(r -> r.get("party"))
                        .distinct()
                        .toList());
        // the amendment keeps both revisions, flagged
        Map<String, List<String>> assessorRevisions = bureau.stream()
                .filter(r -> r.get("party").equals("ASSESSOR"))
                .collect(Collectors.groupingBy(
                        r -> r.get("revision"),
                        Collectors.mapping(
                                r -> r.get("amended") + "/" + r.get("currentRevision"), Collectors.toList())));
        assertEquals(
                List.of("false/false"),
                assessorRevisions.get("1").stream().distinct().toList());
        assertEquals(
                List.of("true/true"),
                assessorRevisions.get("2").stream().distinct().toList());
        assertTrue(bureau.stream().anyMatch(r -> "补充材料后调整：个案记录12份".equals(r.get("amendmentReason"))));
    }

    @Test
    void samplesAreAggregatesNeverRosters() throws IOException {
        Data d = data();
        String evaluation = d.midTerm();
        StringBuilder roster = new StringBuilder("code,stratum\r\n");
        for (int i = 1; i <= 40; i++) {
            roster.append(String.format("R%03d,SERVICE_USER\r\n", i));
        }
        for (int i = 1; i <= 8; i++) {
            roster.append(String.format("Q%02d,COMMITTEE_PARTNER\r\n", i));
        }
        Api.raw()
                .auth()
                .oauth2(world.assessorToken())
                .contentType("text/csv")
                .header("If-Match", "\"0\"")
                .body(roster.toString().getBytes(StandardCharsets.UTF_8))
                .put("/v1/evaluations/{id}/samples/SATISFACTION/roster", evaluation)
                .then()
                .statusCode(200);
        List<String> selected = Api.as(world.assessorToken())
                .header("If-Match", "\"1\"")
                .body(Map.of("seed", "export-test"))
                .post("/v1/evaluations/{id}/samples/SATISFACTION/draw", evaluation)
                .then()
                .statusCode(200)
                .extract()
                .path("draw.strata[0].selected");
        for (int i = 0; i < 3; i++) {
            Api.as(world.assessorToken())
                    .body(Map.of("code", selected.get(i), "rating", i == 0 ? 3 : 5, "interviewedOn", "2022-11-12"))
                    .post("/v1/evaluations/{id}/samples/SATISFACTION/responses", evaluation)
                    .then()
                    .statusCode(201);
        }
        Response response = export(world.auditorToken(), "samples", "text/csv", "projectId", d.projectA());
        String text = response.asString();
        for (int i = 1; i <= 40; i++) {
            assertFalse(text.contains(String.format("R%03d", i)), "no roster code leaves the database");
        }
        Map<String, String> users = records(csv(response)).stream()
                .filter(r -> r.get("evaluationId").equals(evaluation)
                        && r.get("kind").equals("SATISFACTION")
                        && r.get("stratum").equals("SERVICE_USER"))
                .findFirst()
                .orElseThrow();
        assertEquals(String.valueOf(selected.size()), users.get("drawn"));
        assertEquals("48", users.get("rosterSize"), "the roster's size, never its entries");
        assertEquals("3", users.get("respondents"));
        assertEquals("2", users.get("satisfied"));
        assertEquals("66.67", users.get("rate"));
        Map<String, Object> results = Api.as(world.auditorToken())
                .get("/v1/evaluations/{id}/samples/SATISFACTION/results", evaluation)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("strata[0]");
        assertEquals(results.get("rate"), users.get("rate"), "the same rate as getSampleResults");
    }

    @Test
    void theAuditTrailIsExportedWholeToAuditorsOnly() throws Exception {
        Data d = data();
        List<Map<String, String>> events = csvRecords(world.auditorToken(), "audit-events", "projectId", d.projectA());
        long stored;
        try (var c = io.jixiao.support.EmbeddedPostgresResource.runtimeConnection();
                var s = c.prepareStatement("select count(*) from audit_event where project_id = ?::uuid")) {
            s.setString(1, d.projectA());
            try (var r = s.executeQuery()) {
                r.next();
                stored = r.getLong(1);
            }
        }
        assertTrue(stored > 0);
        assertEquals(stored, events.size(), "one row per stored event of the project");
        assertTrue(events.stream().allMatch(e -> e.get("hash").matches("[0-9a-f]{64}")));
        assertTrue(
                events.stream().anyMatch(e -> e.get("after").contains("文冲街社工服务站")),
                "the state after the write, Chinese intact");
        List<Long> sequence =
                events.stream().map(e -> Long.valueOf(e.get("sequence"))).toList();
        assertEquals(sequence.stream().sorted().toList(), sequence, "in the order of appending");
        export(world.bureauToken(), "audit-events", "text/csv").then().statusCode(403);
        export(world.streetToken(), "audit-events", "text/csv").then().statusCode(403);
        export(world.auditorToken(), "audit-events", "text/csv", "fiscalYear", 2022)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("fiscalYear"));
    }

    // ---- the HTTP side

    @Test
    void theFileIsAnAttachmentNamedInUtf8() {
        export(world.auditorToken(), "evaluations", "text/csv", "district", world.district, "fiscalYear", 2022)
                .then()
                .statusCode(200)
                .header("Content-Disposition", startsWith("attachment; filename=\"jixiao-evaluations-"))
                .header(
                        "Content-Disposition",
                        org.hamcrest.Matchers.containsString("filename*=UTF-8''jixiao-evaluations-"
                                + java.net.URLEncoder.encode(world.district, StandardCharsets.UTF_8)
                                + "-2022.csv"));
        // no Accept at all, or any: CSV
        Api.raw()
                .auth()
                .oauth2(world.auditorToken())
                .get("/v1/exports/evaluations?district=x")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"));
    }

    @Test
    void badRequestsAreProblems() {
        String auditor = world.auditorToken();
        export(auditor, "rosters", "text/csv")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("dataset"));
        export(auditor, "indicators", "text/csv", "phase", "FINAL")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("phase"));
        export(auditor, "results", "text/csv", "state", "OPEN")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("state"));
        export(auditor, "evaluations", "text/csv", "fiscalYear", "zwei")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("fiscalYear"));
        export(auditor, "evaluations", "text/csv", "format", "pdf")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("format"));
        export(auditor, "evaluations", "application/json")
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
        export(auditor, "evaluations", "text/csv", "format", "xlsx")
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
        export(world.assessorToken(), "evaluations", "text/csv")
                .then()
                .statusCode(403)
                .body("status", equalTo(403));
        export(world.providerToken(), "results", "text/csv").then().statusCode(403);
        Api.anonymous().accept("text/csv").get("/v1/exports/evaluations").then().statusCode(401);
    }

    private static List<String> column(List<Map<String, String>> records, String name) {
        return records.stream().map(r -> r.get(name)).toList();
    }
}
