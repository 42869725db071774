package io.jixiao.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.report.ReportFigures.Evaluation;
import io.jixiao.report.ReportFigures.Indicator;
import io.jixiao.report.ReportFigures.OrganisationRef;
import io.jixiao.report.ReportFigures.PartyScore;
import io.jixiao.report.ReportFigures.Weights;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PDF renderer on its own (no server): long reports break over pages, every page is stamped. */
class PdfRendererTest {

    static final OrganisationRef BUREAU = new OrganisationRef("HP-MZJ", "广州市黄埔区民政局");
    static final OrganisationRef STREET = new OrganisationRef("HP-WC", "广州市黄埔区人民政府文冲街道办事处");
    static final OrganisationRef ASSESSOR = new OrganisationRef("GZ-SGX", "广州市社会工作协会");

    static ReportFigures figures(int indicators, boolean finalized) {
        List<Indicator> lines = new ArrayList<>();
        for (int i = 0; i < indicators; i++) {
            lines.add(new Indicator("k" + i, "指标" + i, "个", "OUTPUT", "100", String.valueOf(50 + i), (50 + i) + ".00"));
        }
        Weights w = new Weights("10.00", "20.00", "70.00");
        Evaluation fin = finalized
                ? new Evaluation(
                        "e2",
                        "FINAL",
                        "FINALIZED",
                        "GZ-SGZ v1",
                        ASSESSOR,
                        w,
                        List.of(
                                new PartyScore("BUREAU", BUREAU, "10.00", "96.00"),
                                new PartyScore("STREET_OFFICE", STREET, "20.00", "95.00"),
                                new PartyScore("ASSESSOR", ASSESSOR, "70.00", "93.50")),
                        "94.05",
                        "EXCELLENT",
                        false,
                        "2022-11-30T09:00:00Z")
                : new Evaluation("e2", "FINAL", "OPEN", "GZ-SGZ v1", ASSESSOR, w, null, null, null, null, null);
        return new ReportFigures(
                2022,
                new ReportFigures.Project(
                        "p",
                        "文冲街社工服务站（家庭综合服务中心）运营项目",
                        "文冲街社工服务站",
                        "黄埔区",
                        "文冲街道",
                        STREET,
                        BUREAU,
                        new OrganisationRef("HP-YC", "广州市洋城社会工作服务中心"),
                        "2018-10-16",
                        "2023-06-30",
                        8,
                        14),
                new ReportFigures.Budget("2400000.00", "2400000.00", "100.00"),
                List.of(fin),
                List.of("MID_TERM"),
                new ReportFigures.Indicators(true, "GZ-SGX", lines),
                null,
                List.of(),
                null,
                null,
                List.of(),
                List.of());
    }

    static PerformanceReport report(ReportFigures figures, String status) {
        ReportTexts t = new ReportTexts("zh-CN");
        return new PerformanceReport(
                "p",
                2022,
                status,
                t.status(status),
                t.title(figures),
                "zh-CN",
                "2022-11-30T09:00:00Z",
                new PerformanceReport.Verification(
                        "SHA_256", Canonical.verificationCode(figures), ReportService.COVERS),
                figures,
                t.parts(figures));
    }

    static PdfRenderer renderer(String font) {
        PdfRenderer renderer = new PdfRenderer();
        renderer.font = font;
        return renderer;
    }

    @Test
    void aLongReportBreaksOverPagesEachWithTheCodeAndItsNumber() throws Exception {
        PerformanceReport report = report(figures(80, true), PerformanceReport.PUBLISHED);
        byte[] pdf = renderer("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0")
                .render(report, Instant.parse("2026-12-01T01:00:00Z"));
        assertTrue(new String(pdf, 0, 5).startsWith("%PDF-"));
        List<String> pages = ReportFormsTest.text(pdf);
        assertTrue(pages.size() >= 3, "80 indicators fill several pages: " + pages.size());
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(pages.get(i).contains(report.verification().code()), "page " + (i + 1));
            assertTrue(pages.get(i).contains("第 " + (i + 1) + " 页，共 " + pages.size() + " 页"), pages.get(i));
            assertTrue(pages.get(i).contains("2026-12-01 09:00:00（北京时间）"), pages.get(i));
        }
        String all = String.join("\n", pages);
        assertTrue(all.contains("一、评价项目概述") && all.contains("六、相关建议"), all);
        assertTrue(all.contains("中期评估") || all.contains("本年度尚无中期评估"), all);
        assertTrue(all.contains("94.05") && all.contains("优秀"), all);
        assertTrue(all.contains("93.50（70%）"), "the results table shows each party's stored weight:\n" + all);
        assertEquals(pages.size(), ReportFormsTest.png(pdf));
    }

    @Test
    void aDraftIsWatermarkedOnEveryPage() throws Exception {
        PerformanceReport report = report(figures(60, false), PerformanceReport.DRAFT);
        List<String> pages = ReportFormsTest.text(
                renderer("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0").render(report, Instant.now()));
        assertTrue(pages.size() >= 2);
        for (String page : pages) {
            assertTrue(page.contains("草稿 — 本年度评估尚未全部定稿"), "the draft header:\n" + page);
            // the diagonal watermark: pdftotext gives its two rotated characters on lines of their own
            assertTrue(page.chars().filter(c -> c == '稿').count() >= 2, "the watermark:\n" + page);
        }
        assertTrue(String.join("", pages).contains("末期评估尚未定稿"));
    }

    @Test
    void aMissingFontIsNamed() {
        PdfRenderer.FontMissing missing = assertThrows(
                PdfRenderer.FontMissing.class,
                () -> renderer("/nowhere/wqy.ttc,0").render(report(figures(1, true), "PUBLISHED"), Instant.now()));
        assertTrue(missing.getMessage().contains("/nowhere/wqy.ttc"), missing.getMessage());
    }
}
