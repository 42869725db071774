package io.jixiao.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.support.Api;
import io.jixiao.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The performance report as JSON: the 2022 Wenchong figures, reproducibility, drafts and scope. */
@QuarkusTest
class ReportApiTest {

    static World world;
    static Wenchong2022 wenchong;

    @BeforeEach
    void setUp() {
        if (world == null) {
            world = World.create();
            wenchong = Wenchong2022.build(world);
        }
    }

    private static Response report(String token, String project, int year) {
        return Api.as(token).get("/v1/projects/{id}/reports/{year}", project, year);
    }

    @Test
    void wenchong2022FinalReportCarriesEveryFigureOfTheSeedReport() {
        JsonPath r = report(world.auditorToken(), wenchong.project, 2022)
                .then()
                .statusCode(200)
                .header("Content-Language", "zh-CN")
                .extract()
                .jsonPath();
        assertEquals("PUBLISHED", r.getString("status"));
        assertEquals("正式", r.getString("statusLabel"));
        // 一: project overview, budget execution
        assertEquals(Wenchong2022.NAME, r.getString("figures.project.name"));
        assertEquals(8, r.getInt("figures.project.communities"));
        assertEquals(14, r.getInt("figures.project.staffCount"));
        assertEquals("2018-10-16", r.getString("figures.project.contractStart"));
        assertEquals("2023-06-30", r.getString("figures.project.contractEnd"));
        assertEquals("2400000.00", r.getString("figures.budget.budget"));
        assertEquals("2400000.00", r.getString("figures.budget.executed"));
        assertEquals("100.00", r.getString("figures.budget.executionRate"));
        // 三: both phases, per-party scores, totals and grades
        assertEquals(List.of("MID_TERM", "FINAL"), r.getList("figures.evaluations.phase"));
        assertEquals(List.of("93.05", "94.05"), r.getList("figures.evaluations.total"));
        assertEquals(List.of("EXCELLENT", "EXCELLENT"), r.getList("figures.evaluations.grade"));
        assertEquals(List.of("95.00", "94.00", "92.50"), r.getList("figures.evaluations[0].parties.score"));
        assertEquals(List.of("96.00", "95.00", "93.50"), r.getList("figures.evaluations[1].parties.score"));
        assertEquals(List.of("10.00", "20.00", "70.00"), r.getList("figures.evaluations[1].parties.weight"));
        assertEquals(world.assessor, r.getString("figures.evaluations[1].assessor.code"));
        assertEquals(List.of(), r.getList("figures.missingPhases"));
        // 四: every completion rate of the table; no rate where the contract sets no target
        assertEquals(
                Arrays.asList(
                        "103.02", "100.25", "122.22", "77.78", "80.56", "91.67", "75.00", null, "80.00", null, "164.71",
                        "388.33"),
                r.getList("figures.indicators.lines.completionRate").subList(0, 12));
        assertEquals(
                Arrays.asList("886", "810", "55", "35", "290", "11", "54", "510", "4", "1885", "28", "1165"),
                r.getList("figures.indicators.lines.actual").subList(0, 12));
        assertEquals(true, r.getBoolean("figures.indicators.confirmed"));
        assertEquals("1194133.28", r.getString("figures.evidence.resourcesTotal"));
        assertEquals(358110, r.getInt("figures.evidence.residentsServedTotal"));
        assertEquals(1183, r.getInt("figures.evidence.socialWorkerPersonTimes"));
        assertEquals(0, r.getInt("figures.evidence.complaintsReceived"));
        assertEquals(3, r.getList("figures.evidence.honours").size());
        // 三: satisfaction 95.00 % per phase and for the year; quotas 15 + 5 met
        assertEquals("95.00", r.getString("figures.satisfaction.rate"));
        assertEquals(40, r.getInt("figures.satisfaction.valid"));
        assertEquals(38, r.getInt("figures.satisfaction.positive"));
        assertEquals(List.of("95.00", "95.00"), r.getList("figures.samples.rate"));
        assertEquals(List.of(15, 5), r.getList("figures.samples[1].strata.quota"));
        assertEquals(List.of(true, true), r.getList("figures.samples.quotasMet"));
        // 五/六: the two mid-term findings and their rectification; recommendations by category
        assertEquals(List.of("项目的研究和宣传力度有待加强", "购买社工站项目业务与双百政策结合不足"), r.getList("figures.findings.title"));
        assertEquals(List.of("PARTIALLY_RESOLVED", "RESOLVED"), r.getList("figures.findings.rectification.status"));
        assertEquals(3, r.getList("figures.recommendations").size());
        // the six parts, in words, with the figures
        assertEquals(List.of("一", "二", "三", "四", "五", "六"), r.getList("parts.number"));
        assertEquals(
                List.of("评价项目概述", "绩效评价概述", "评价结论与绩效分析", "项目主要绩效或成功经验", "存在问题或不足", "相关建议"), r.getList("parts.heading"));
        String words = String.join("\n", r.<String>getList("parts.paragraphs.flatten()"));
        for (String expected : List.of(
                "预算执行率 100.00%",
                "加权总分 93.05 分，等级优秀",
                "加权总分 94.05 分，等级优秀",
                "满意度 95.00%",
                "1,194,133.28",
                "合计服务居民 358,110 人次",
                "完成率 103.02%",
                "完成率 77.78%",
                "小组服务人次：完成 510 人次，协议暂无要求",
                "第三方专业服务评估分值占比 70%",
                "部分整改",
                "已整改",
                "（三）绩效管理方面建议：1. 继续沿用现行绩效目标编制方式",
                "（一）政策方面建议：暂无。")) {
            assertTrue(words.contains(expected), "the report says " + expected + ":\n" + words);
        }
        assertTrue(!words.contains("null"), words);
    }

    @Test
    void theVerificationCodeIsTheSha256OfTheCanonicalFiguresAndTheSameDataGivesTheSameJson() throws Exception {
        Response first = report(world.streetToken(), wenchong.project, 2022);
        first.then().statusCode(200);
        String code = first.path("verification.code");
        assertEquals(Canonicalizer.codeOfFigures(first.asString()), code);
        assertEquals(code, first.header("X-Verification-Code"));
        Response again = report(world.streetToken(), wenchong.project, 2022);
        assertEquals(first.asString(), again.asString());
        // the language changes the words, not the figures nor the code
        Response english = Api.as(world.streetToken())
                .header("Accept-Language", "en")
                .get("/v1/projects/{id}/reports/2022", wenchong.project);
        english.then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body("statusLabel", equalTo("Published"))
                .body("parts[0].heading", equalTo("Project overview"))
                .body("verification.code", equalTo(code));
        assertEquals(first.jsonPath().getMap("figures"), english.jsonPath().getMap("figures"));
    }

    @Test
    void everyOrganisationInScopeReadsThePublishedReportAndNoOneElse() {
        report(world.bureauToken(), wenchong.project, 2022).then().statusCode(200);
        report(world.assessorToken(), wenchong.project, 2022).then().statusCode(200);
        report(world.otherStreetToken(), wenchong.project, 2022)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        report(world.otherAssessorToken(), wenchong.project, 2022).then().statusCode(404);
        World foreign = World.create();
        report(foreign.bureauToken(), wenchong.project, 2022).then().statusCode(404);
        report(foreign.auditorToken(), wenchong.project, 2022).then().statusCode(200);
        Api.anonymous()
                .get("/v1/projects/{id}/reports/2022", wenchong.project)
                .then()
                .statusCode(401);
    }

    @Test
    void aYearWhoseEvaluationsAreNotFinalizedIsADraftForTheBureauAndAuditorsOnly() {
        String project = world.createProject("草稿报告项目");
        String midTerm = world.openEvaluation(project, "MID_TERM");
        world.submit(midTerm, "BUREAU", "95");
        JsonPath draft = report(world.bureauToken(), project, 2022)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("statusLabel", equalTo("草稿"))
                .extract()
                .jsonPath();
        String words = String.join("\n", draft.<String>getList("parts.paragraphs.flatten()"));
        assertTrue(words.contains("中期评估尚未定稿"), words);
        assertTrue(words.contains("本年度尚无末期评估"), words);
        assertTrue(words.contains("本年度尚未录入预算及执行数据"), words);
        assertEquals(List.of("FINAL"), draft.getList("figures.missingPhases"));
        assertNull(draft.get("figures.evaluations[0].total"), "no result before finalization");
        assertNull(draft.get("figures.budget"), "a missing budget is absent, not zero");
        report(world.auditorToken(), project, 2022).then().statusCode(200).body("status", equalTo("DRAFT"));
        report(world.streetToken(), project, 2022).then().statusCode(404);
        report(world.assessorToken(), project, 2022).then().statusCode(404);
    }

    @Test
    void aYearWithoutEvaluationsSaysSoInWords() {
        JsonPath r = report(world.bureauToken(), wenchong.project, 2021)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .extract()
                .jsonPath();
        String words = String.join("\n", r.<String>getList("parts.paragraphs.flatten()"));
        assertTrue(words.contains("本年度尚无评估"), words);
        assertTrue(words.contains("本年度尚无中期评估"), words);
        assertTrue(words.contains("本年度尚未录入协议指标"), words);
        assertEquals(List.of("MID_TERM", "FINAL"), r.getList("figures.missingPhases"));
        report(world.streetToken(), wenchong.project, 2021).then().statusCode(404);
        assertNotEquals(
                r.getString("verification.code"),
                report(world.bureauToken(), wenchong.project, 2022).path("verification.code"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Api.as(world.auditorToken())
                .get("/v1/projects/{id}/reports/1999", wenchong.project)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", containsString("fiscalYear"));
        Api.as(world.auditorToken())
                .get("/v1/projects/not-a-uuid/reports/2022")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("projectId"));
        Api.as(world.auditorToken())
                .accept("text/html")
                .get("/v1/projects/{id}/reports/2022", wenchong.project)
                .then()
                .statusCode(406);
    }
}
