package io.jixiao.report;

import io.jixiao.report.ReportFigures.Evaluation;
import io.jixiao.report.ReportFigures.Indicator;
import io.jixiao.report.ReportFigures.PartyScore;
import io.jixiao.report.ReportFigures.Sample;
import io.jixiao.report.ReportFigures.Stratum;

/**
 * The report as Markdown, for review and diffing: the same words as the JSON's parts, with the
 * results, completion and sample tables under their parts. A pure function of the report: the same
 * data gives the same bytes (no generation time; the data's as-of time and the code say which
 * data it is).
 */
final class MarkdownRenderer {

    private MarkdownRenderer() {}

    static String render(PerformanceReport report) {
        ReportTexts t = new ReportTexts(report.language());
        ReportFigures f = report.figures();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(report.title())).append("\n\n");
        md.append("> ")
                .append(t.t("状态：", "Status: "))
                .append(report.statusLabel())
                .append(report.draft() ? t.t("（本年度评估尚未全部定稿）", " (the year's evaluations are not all finalized)") : "")
                .append("  \n> ")
                .append(t.t("验证码（SHA-256）：", "Verification code (SHA-256): "))
                .append('`')
                .append(report.verification().code())
                .append("`  \n> ")
                .append(t.t("数据截至：", "Data as of: "))
                .append(report.dataAsOf())
                .append("\n\n");
        for (PerformanceReport.Part part : report.parts()) {
            md.append("## ")
                    .append(part.number())
                    .append(t.t("、", ". "))
                    .append(escape(part.heading()))
                    .append("\n\n");
            for (String paragraph : part.paragraphs()) {
                md.append(escape(paragraph)).append("\n\n");
            }
            switch (part.key()) {
                case "CONCLUSION" -> {
                    results(md, t, f);
                    samples(md, t, f);
                }
                case "ACHIEVEMENTS" -> completion(md, t, f);
                default -> {}
            }
        }
        return md.toString();
    }

    private static void results(StringBuilder md, ReportTexts t, ReportFigures f) {
        if (f.evaluations().stream().noneMatch(Evaluation::finalized)) {
            return;
        }
        md.append("| ")
                .append(t.t("评估", "Evaluation"))
                .append(" | ")
                .append(t.t("项目监督方", "Bureau"))
                .append(" | ")
                .append(t.t("项目购买方", "Street office"))
                .append(" | ")
                .append(t.t("第三方", "Assessor"))
                .append(" | ")
                .append(t.t("加权总分", "Total"))
                .append(" | ")
                .append(t.t("等级", "Grade"))
                .append(" |\n");
        md.append("|---|---:|---:|---:|---:|---|\n");
        for (Evaluation e : f.evaluations()) {
            if (!e.finalized()) {
                continue;
            }
            md.append("| ").append(t.phase(e.phase()));
            for (PartyScore ps : e.parties()) {
                md.append(" | ")
                        .append(ps.score())
                        .append(" (")
                        .append(Numbers.weight(ps.weight()))
                        .append("%)");
            }
            md.append(" | ")
                    .append(e.total())
                    .append(" | ")
                    .append(t.grade(e.grade()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void samples(StringBuilder md, ReportTexts t, ReportFigures f) {
        if (f.samples().isEmpty()) {
            return;
        }
        md.append("| ")
                .append(t.t("抽查", "Sample"))
                .append(" | ")
                .append(t.t("层", "Stratum"))
                .append(" | ")
                .append(t.t("配额", "Quota"))
                .append(" | ")
                .append(t.t("受访", "Respondents"))
                .append(" | ")
                .append(t.t("有效/肯定", "Valid/positive"))
                .append(" | ")
                .append(t.t("比率", "Rate"))
                .append(" |\n");
        md.append("|---|---|---:|---:|---:|---:|\n");
        for (Sample s : f.samples()) {
            for (Stratum st : s.strata()) {
                md.append("| ")
                        .append(t.phase(s.phase()))
                        .append(t.kind(s.kind()))
                        .append(" | ")
                        .append(escape(st.name()))
                        .append(" | ")
                        .append(st.quota())
                        .append(" | ")
                        .append(st.respondents())
                        .append(st.quotaMet() ? "" : t.t("（未达配额）", " (below quota)"))
                        .append(" | ")
                        .append(st.valid())
                        .append('/')
                        .append(st.positive())
                        .append(" | ")
                        .append(st.rate() == null ? "—" : Numbers.percent(st.rate()))
                        .append(" |\n");
            }
        }
        md.append('\n');
    }

    private static void completion(StringBuilder md, ReportTexts t, ReportFigures f) {
        if (f.indicators() == null || f.indicators().lines().isEmpty()) {
            return;
        }
        md.append("| ")
                .append(t.t("指标", "Indicator"))
                .append(" | ")
                .append(t.t("类别", "Category"))
                .append(" | ")
                .append(t.t("实际完成", "Actual"))
                .append(" | ")
                .append(t.t("协议指标", "Target"))
                .append(" | ")
                .append(t.t("完成率", "Completion"))
                .append(" |\n");
        md.append("|---|---|---:|---:|---:|\n");
        for (Indicator i : f.indicators().lines()) {
            md.append("| ")
                    .append(escape(i.name()))
                    .append(" | ")
                    .append(t.indicatorCategory(i.category()))
                    .append(" | ")
                    .append(Numbers.count(i.actual()))
                    .append(' ')
                    .append(escape(i.unit()))
                    .append(" | ")
                    .append(i.target() == null ? t.noTarget() : Numbers.count(i.target()))
                    .append(" | ")
                    .append(i.completionRate() == null ? "—" : Numbers.percent(i.completionRate()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    /** Stored text may contain Markdown's table and emphasis characters; keep them literal. */
    static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("<", "&lt;")
                .replace("\n", " ");
    }
}
