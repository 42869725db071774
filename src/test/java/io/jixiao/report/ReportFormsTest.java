package io.jixiao.report;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.support.Api;
import io.jixiao.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Markdown and PDF forms of the report. The PDF is checked with poppler-utils as a reader
 * would see it: rendered to PNG (pdftoppm) and its text extracted (pdftotext).
 */
@QuarkusTest
class ReportFormsTest {

    static World world;
    static Wenchong2022 wenchong;

    @BeforeEach
    void setUp() {
        if (world == null) {
            world = World.create();
            wenchong = Wenchong2022.build(world);
        }
    }

    @Test
    void markdownCarriesTheSixPartsTheTablesAndTheCode() {
        String code = Api.as(world.bureauToken())
                .get("/v1/projects/{id}/reports/2022", wenchong.project)
                .path("verification.code");
        Response md = Api.as(world.bureauToken())
                .accept("text/markdown")
                .get("/v1/projects/{id}/reports/2022", wenchong.project);
        md.then().statusCode(200).contentType(startsWith("text/markdown")).header("X-Verification-Code", code);
        String text = md.asString();
        for (String expected : List.of(
                "# " + Wenchong2022.NAME + " 2022 年度绩效评价报告",
                "## 一、评价项目概述",
                "## 二、绩效评价概述",
                "## 三、评价结论与绩效分析",
                "## 四、项目主要绩效或成功经验",
                "## 五、存在问题或不足",
                "## 六、相关建议",
                "`" + code + "`",
                "| 电访 | 产出 | 886 个 | 860 | 103.02% |",
                "| 小组服务人次 | 产出 | 510 人次 | 协议暂无要求 | — |",
                "| 末期 | 96.00 (10%) | 95.00 (20%) | 93.50 (70%) | 94.05 | 优秀 |",
                "预算执行率 100.00%")) {
            assertTrue(text.contains(expected), "Markdown has " + expected + ":\n" + text);
        }
        assertEquals(
                text,
                Api.as(world.bureauToken())
                        .accept("text/markdown")
                        .get("/v1/projects/{id}/reports/2022", wenchong.project)
                        .asString(),
                "the same data, the same bytes");
        Api.as(world.bureauToken())
                .accept("text/markdown")
                .header("Accept-Language", "en")
                .get("/v1/projects/{id}/reports/2022", wenchong.project)
                .then()
                .statusCode(200)
                .header("Content-Language", "en");
    }

    @Test
    void thePdfIsChineseWithTheSixPartsTheCompletionTableAndTheCodeOnEveryPage() throws Exception {
        Response pdf = pdf(world.streetToken(), wenchong.project, 2022);
        pdf.then().statusCode(200).contentType("application/pdf");
        String code = pdf.header("X-Verification-Code");
        List<String> pages = text(pdf.asByteArray());
        String all = String.join("\n", pages);
        for (String heading : List.of("一、评价项目概述", "二、绩效评价概述", "三、评价结论与绩效分析", "四、项目主要绩效或成功经验", "五、存在问题或不足", "六、相关建议")) {
            assertTrue(all.contains(heading), "the PDF has the heading " + heading + ":\n" + all);
        }
        for (String figure : List.of(
                "103.02%",
                "100.25%",
                "122.22%",
                "77.78%",
                "80.56%",
                "91.67%",
                "75.00%",
                "80.00%",
                "164.71%",
                "388.33%",
                "协议暂无要求",
                "1,194,133.28",
                "358,110",
                "93.05",
                "94.05",
                "优秀",
                "95.00%",
                "100.00%",
                "生成时间")) {
            assertTrue(all.contains(figure), "the PDF shows " + figure + ":\n" + all);
        }
        assertTrue(pages.size() >= 2, "a real report runs over pages: " + pages.size());
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(pages.get(i).contains(code), "page " + (i + 1) + " carries the code");
            assertTrue(pages.get(i).contains("第 " + (i + 1) + " 页，共 " + pages.size() + " 页"), pages.get(i));
            assertTrue(!pages.get(i).contains("草稿"), "a published report has no watermark");
        }
        assertEquals(pages.size(), png(pdf.asByteArray()), "pdftoppm renders every page");
    }

    @Test
    void aDraftPdfIsWatermarkedOnEveryPageAndAYearWithoutEvaluationsSaysSo() throws Exception {
        Response pdf = pdf(world.bureauToken(), wenchong.project, 2021);
        pdf.then().statusCode(200);
        List<String> pages = text(pdf.asByteArray());
        for (String page : pages) {
            assertTrue(page.contains("草稿 — 本年度评估尚未全部定稿"), "every page of a draft says so:\n" + page);
            assertTrue(page.chars().filter(c -> c == '稿').count() >= 2, "and carries the watermark:\n" + page);
        }
        String all = String.join("\n", pages);
        assertTrue(all.contains("本年度尚无评估"), all);
        assertTrue(all.contains("本年度尚无中期评估"), all);
        assertTrue(png(pdf.asByteArray()) >= 1);
        pdf(world.streetToken(), wenchong.project, 2021).then().statusCode(404);
        // the PDF is Chinese whatever the Accept-Language
        Api.as(world.auditorToken())
                .accept("application/pdf")
                .header("Accept-Language", "en")
                .get("/v1/projects/{id}/reports/2022", wenchong.project)
                .then()
                .statusCode(200)
                .header("Content-Language", "zh-CN");
    }

    private static Response pdf(String token, String project, int year) {
        return Api.as(token).accept("application/pdf").get("/v1/projects/{id}/reports/{year}", project, year);
    }

    /** pdftotext, one string per page (form feeds separate pages). */
    static List<String> text(byte[] pdf) throws Exception {
        Path dir = Files.createTempDirectory("report-pdf");
        Path file = dir.resolve("report.pdf");
        Files.write(file, pdf);
        Path txt = dir.resolve("report.txt");
        run("pdftotext", "-enc", "UTF-8", "-layout", file.toString(), txt.toString());
        String text = Files.readString(txt, StandardCharsets.UTF_8);
        List<String> pages = new ArrayList<>(List.of(text.split("\f")));
        pages.removeIf(p -> p.isBlank());
        return pages;
    }

    /** pdftoppm to PNG; the number of non-empty images. */
    static int png(byte[] pdf) throws Exception {
        Path dir = Files.createTempDirectory("report-png");
        Path file = dir.resolve("report.pdf");
        Files.write(file, pdf);
        run("pdftoppm", "-r", "40", "-png", file.toString(), dir.resolve("page").toString());
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(p -> p.toString().endsWith(".png"))
                    .filter(p -> size(p) > 1000)
                    .count();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command[0] + " finished");
        assertEquals(0, process.exitValue(), command[0] + " failed: " + output);
    }
}
