package io.jixiao.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.jixiao.report.ReportFigures.Evaluation;
import io.jixiao.report.ReportFigures.Indicator;
import io.jixiao.report.ReportFigures.PartyScore;
import io.jixiao.report.ReportFigures.Sample;
import io.jixiao.report.ReportFigures.Stratum;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The report as a Chinese PDF a bureau officer prints and stamps: A4, the configured CJK TrueType
 * font embedded (subset, Identity-H, so text can be searched and extracted), the six parts with
 * real tables, and on every page the verification code, the page number and the generation time;
 * a draft carries the watermark 草稿 on every page. OpenPDF (LGPL/MPL, maintained fork of iText
 * 4) because it embeds TrueType collections such as wqy-zenhei directly and needs no HTML layer.
 */
@ApplicationScoped
public class PdfRenderer {

    /** The configured font cannot be read: PDFs cannot be made until it is installed. */
    public static final class FontMissing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FontMissing(String font, String why) {
            super("The PDF font " + font + " is " + why
                    + " on the server (install fonts-wqy-zenhei or set jixiao.report.pdf.font).");
        }
    }

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Color GRID = new Color(0x99, 0x99, 0x99);
    private static final Color HEAD = new Color(0xEE, 0xEE, 0xEE);

    String font;

    /** {@code jixiao.report.pdf.font}: the CJK TrueType font file (",index" for a collection). */
    @jakarta.inject.Inject
    void configure(io.jixiao.common.JixiaoConfig config) {
        font = config.report().pdf().font();
    }

    private volatile BaseFont baseFont;

    BaseFont baseFont() {
        BaseFont loaded = baseFont;
        if (loaded != null) {
            return loaded;
        }
        synchronized (this) {
            if (baseFont == null) {
                int comma = font.lastIndexOf(',');
                String file = comma > 0 && font.substring(comma + 1).matches("\\d+") ? font.substring(0, comma) : font;
                if (!Files.isReadable(Path.of(file))) {
                    throw new FontMissing(file, "missing");
                }
                try {
                    baseFont = BaseFont.createFont(font, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                } catch (DocumentException | IOException e) {
                    throw new FontMissing(font, "not a usable TrueType font (" + e.getMessage() + ")");
                }
            }
            return baseFont;
        }
    }

    public byte[] render(PerformanceReport report, Instant generatedAt) {
        BaseFont bf = baseFont();
        Font title = new Font(bf, 16, Font.BOLD);
        Font heading = new Font(bf, 13, Font.BOLD);
        Font body = new Font(bf, 10.5f);
        Font small = new Font(bf, 9);
        ReportTexts t = new ReportTexts(report.language());
        ReportFigures f = report.figures();
        String generated = STAMP.format(generatedAt.atZone(BEIJING)) + "（北京时间）";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 64, 64);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new EveryPage(bf, report.verification().code(), generated, report.draft()));
            document.addTitle(report.title());
            document.addSubject("绩效评价报告 " + report.verification().code());
            document.addCreator("Jixiao");
            document.open();
            Paragraph head = new Paragraph(report.title(), title);
            head.setAlignment(Element.ALIGN_CENTER);
            head.setSpacingAfter(8);
            document.add(head);
            document.add(new Paragraph(
                    "状态：" + report.statusLabel() + "    数据截至：" + report.dataAsOf() + "    生成时间：" + generated, small));
            document.add(new Paragraph("验证码（SHA-256）：" + report.verification().code(), small));
            for (PerformanceReport.Part part : report.parts()) {
                Paragraph h = new Paragraph(part.number() + "、" + part.heading(), heading);
                h.setSpacingBefore(12);
                h.setSpacingAfter(4);
                document.add(h);
                for (String text : part.paragraphs()) {
                    Paragraph p = new Paragraph(text, body);
                    p.setFirstLineIndent(21);
                    p.setLeading(17);
                    p.setSpacingAfter(2);
                    document.add(p);
                }
                switch (part.key()) {
                    case "CONCLUSION" -> {
                        results(document, t, f, small);
                        samples(document, t, f, small);
                    }
                    case "ACHIEVEMENTS" -> completion(document, t, f, small);
                    default -> {}
                }
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render the report PDF", e);
        }
        return out.toByteArray();
    }

    private static void results(Document document, ReportTexts t, ReportFigures f, Font font) throws DocumentException {
        List<Evaluation> finalized =
                f.evaluations().stream().filter(Evaluation::finalized).toList();
        if (finalized.isEmpty()) {
            return;
        }
        PdfPTable table = table(new float[] {2, 3, 3, 3, 2, 1.5f});
        header(table, font, "评估", "项目监督方（权重）", "项目购买方（权重）", "第三方评估（权重）", "加权总分", "等级");
        for (Evaluation e : finalized) {
            cell(table, font, t.phase(e.phase()) + "评估", Element.ALIGN_LEFT);
            for (PartyScore ps : e.parties()) {
                cell(table, font, ps.score() + "（" + Numbers.weight(ps.weight()) + "%）", Element.ALIGN_RIGHT);
            }
            cell(table, font, e.total(), Element.ALIGN_RIGHT);
            cell(table, font, t.grade(e.grade()), Element.ALIGN_CENTER);
        }
        document.add(table);
    }

    private static void samples(Document document, ReportTexts t, ReportFigures f, Font font) throws DocumentException {
        if (f.samples().isEmpty()) {
            return;
        }
        PdfPTable table = table(new float[] {2.5f, 3, 1.2f, 1.2f, 1.8f, 1.6f});
        header(table, font, "抽查", "对象", "配额", "受访", "有效/肯定", "比率");
        for (Sample s : f.samples()) {
            for (Stratum st : s.strata()) {
                cell(table, font, t.phase(s.phase()) + t.kind(s.kind()), Element.ALIGN_LEFT);
                cell(table, font, st.name(), Element.ALIGN_LEFT);
                cell(table, font, String.valueOf(st.quota()), Element.ALIGN_RIGHT);
                cell(table, font, st.respondents() + (st.quotaMet() ? "" : "（未达配额）"), Element.ALIGN_RIGHT);
                cell(table, font, st.valid() + "/" + st.positive(), Element.ALIGN_RIGHT);
                cell(table, font, st.rate() == null ? "—" : Numbers.percent(st.rate()), Element.ALIGN_RIGHT);
            }
        }
        document.add(table);
    }

    private static void completion(Document document, ReportTexts t, ReportFigures f, Font font)
            throws DocumentException {
        if (f.indicators() == null || f.indicators().lines().isEmpty()) {
            return;
        }
        PdfPTable table = table(new float[] {4, 1.3f, 2, 2, 2});
        header(table, font, "指标", "类别", "实际完成", "协议指标", "完成率");
        for (Indicator i : f.indicators().lines()) {
            cell(table, font, i.name(), Element.ALIGN_LEFT);
            cell(table, font, t.indicatorCategory(i.category()), Element.ALIGN_CENTER);
            cell(table, font, Numbers.count(i.actual()) + " " + i.unit(), Element.ALIGN_RIGHT);
            cell(table, font, i.target() == null ? t.noTarget() : Numbers.count(i.target()), Element.ALIGN_RIGHT);
            cell(
                    table,
                    font,
                    i.completionRate() == null ? "—" : Numbers.percent(i.completionRate()),
                    Element.ALIGN_RIGHT);
        }
        document.add(table);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setSpacingAfter(6);
        table.setHeaderRows(1);
        return table;
    }

    private static void header(PdfPTable table, Font font, String... names) {
        for (String name : names) {
            PdfPCell c = new PdfPCell(new Phrase(name, font));
            c.setBackgroundColor(HEAD);
            c.setBorderColor(GRID);
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setPadding(4);
            table.addCell(c);
        }
    }

    private static void cell(PdfPTable table, Font font, String text, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setBorderColor(GRID);
        c.setHorizontalAlignment(align);
        c.setPadding(4);
        table.addCell(c);
    }

    /** Footer (code, page n of m, generation time) and the draft watermark, on every page. */
    private static final class EveryPage extends PdfPageEventHelper {
        private final BaseFont font;
        private final String code;
        private final String generated;
        private final boolean draft;
        private PdfTemplate total;

        EveryPage(BaseFont font, String code, String generated, boolean draft) {
            this.font = font;
            this.code = code;
            this.generated = generated;
            this.draft = draft;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Rectangle page = document.getPageSize();
            PdfContentByte over = writer.getDirectContent();
            Font small = new Font(font, 7.5f);
            ColumnText.showTextAligned(
                    over, Element.ALIGN_LEFT, new Phrase("验证码 " + code, small), document.left(), 36, 0);
            String pageText = "第 " + writer.getPageNumber() + " 页，共 ";
            float width = font.getWidthPoint(pageText, 7.5f);
            ColumnText.showTextAligned(
                    over, Element.ALIGN_LEFT, new Phrase(pageText, small), document.right() - width - 20, 24, 0);
            over.addTemplate(total, document.right() - 20, 24);
            ColumnText.showTextAligned(
                    over, Element.ALIGN_LEFT, new Phrase("生成时间 " + generated, small), document.left(), 24, 0);
            if (draft) {
                ColumnText.showTextAligned(
                        over,
                        Element.ALIGN_LEFT,
                        new Phrase(
                                "草稿 — 本年度评估尚未全部定稿，仅供区民政局及审计查阅，不作正式报告使用",
                                new Font(font, 8, Font.BOLD, new Color(0xC0, 0x00, 0x00))),
                        document.left(),
                        page.getHeight() - 40,
                        0);
                PdfContentByte under = writer.getDirectContentUnder();
                under.saveState();
                PdfGState faint = new PdfGState();
                faint.setFillOpacity(0.18f);
                under.setGState(faint);
                under.beginText();
                under.setFontAndSize(font, 120);
                under.setColorFill(new Color(0xC0, 0x00, 0x00));
                under.showTextAligned(Element.ALIGN_CENTER, "草稿", page.getWidth() / 2, page.getHeight() / 2, 45);
                under.endText();
                under.restoreState();
            }
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(font, 7.5f);
            total.showText((writer.getPageNumber() - 1) + " 页");
            total.endText();
        }
    }
}
