package io.jixiao.report;

import io.jixiao.common.i18n.Language;
import io.jixiao.report.ReportFigures.Evaluation;
import io.jixiao.report.ReportFigures.Finding;
import io.jixiao.report.ReportFigures.Indicator;
import io.jixiao.report.ReportFigures.PartyScore;
import io.jixiao.report.ReportFigures.Recommendation;
import io.jixiao.report.ReportFigures.Sample;
import io.jixiao.report.ReportFigures.Stratum;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's words in one language (zh-CN, the default, or en): labels of codes and the
 * paragraphs of the six parts, every figure taken from {@link ReportFigures}. Where a figure is
 * missing the sentence says so; no sentence ever prints a zero for a missing figure.
 */
final class ReportTexts {

    static final List<String> PHASES = List.of("MID_TERM", "FINAL");
    static final List<String> CATEGORIES = List.of("POLICY", "PROJECT_MANAGEMENT", "PERFORMANCE_MANAGEMENT", "OTHER");
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    final boolean en;
    final String language;

    ReportTexts(String language) {
        this.en = Language.english(language);
        this.language = en ? Language.ENGLISH : Language.CHINESE;
    }

    String t(String zh, String english) {
        return en ? english : zh;
    }

    // ------------------------------------------------------------------ labels

    String title(ReportFigures f) {
        return en
                ? f.project().name() + " — " + f.fiscalYear() + " performance evaluation report"
                : f.project().name() + " " + f.fiscalYear() + " 年度绩效评价报告";
    }

    String status(String status) {
        return PerformanceReport.DRAFT.equals(status) ? t("草稿", "Draft") : t("正式", "Published");
    }

    String phase(String phase) {
        return "MID_TERM".equals(phase) ? t("中期", "mid-term") : t("末期", "final");
    }

    String state(String state) {
        return switch (state) {
            case "DRAFT" -> t("草拟", "drafted");
            case "OPEN" -> t("评估进行中", "open");
            default -> t("已定稿", "finalized");
        };
    }

    String grade(String grade) {
        if (grade == null) {
            return null;
        }
        return switch (grade) {
            case "EXCELLENT" -> t("优秀", "Excellent");
            case "GOOD" -> t("良好", "Good");
            case "PASS" -> t("合格", "Pass");
            default -> t("不合格", "Fail");
        };
    }

    String party(String party) {
        return switch (party) {
            case "BUREAU" -> t("项目监督方（区民政局）", "Supervising bureau");
            case "STREET_OFFICE" -> t("项目购买方（街道办事处）", "Purchasing street office");
            default -> t("第三方专业评估机构", "Third-party assessor");
        };
    }

    String category(String category) {
        return switch (category) {
            case "POLICY" -> t("政策方面", "Policy");
            case "PROJECT_MANAGEMENT" -> t("项目管理方面", "Project management");
            case "PERFORMANCE_MANAGEMENT" -> t("绩效管理方面", "Performance management");
            default -> t("其他方面", "Other");
        };
    }

    String indicatorCategory(String category) {
        return switch (category) {
            case "OUTPUT" -> t("产出", "Output");
            case "BENEFIT" -> t("效益", "Benefit");
            default -> t("满意度", "Satisfaction");
        };
    }

    String resource(String type) {
        return switch (type) {
            case "HUMAN" -> t("人力资源", "human resources");
            case "MATERIAL" -> t("物资", "materials");
            default -> t("资金", "funds");
        };
    }

    String rectification(String status) {
        return switch (status) {
            case "RESOLVED" -> t("已整改", "resolved");
            case "PARTIALLY_RESOLVED" -> t("部分整改", "partially resolved");
            default -> t("未整改", "unresolved");
        };
    }

    String kind(String kind) {
        return "AWARENESS".equals(kind) ? t("知晓度", "Awareness") : t("满意度", "Satisfaction");
    }

    static String numeral(int index) {
        return NUMERALS[index];
    }

    /** (一) heading in Chinese, "1." in English. */
    String item(int index) {
        return en ? (index + 1) + ". " : "（" + NUMERALS[index] + "）";
    }

    String noTarget() {
        return t("协议暂无要求", "no contract target");
    }

    String missing() {
        return t("未录入", "not recorded");
    }

    // ------------------------------------------------------------------ the six parts

    List<PerformanceReport.Part> parts(ReportFigures f) {
        return List.of(
                new PerformanceReport.Part("OVERVIEW", numeral(0), t("评价项目概述", "Project overview"), overview(f)),
                new PerformanceReport.Part("DESIGN", numeral(1), t("绩效评价概述", "Evaluation design"), design(f)),
                new PerformanceReport.Part(
                        "CONCLUSION", numeral(2), t("评价结论与绩效分析", "Conclusion and analysis"), conclusion(f)),
                new PerformanceReport.Part(
                        "ACHIEVEMENTS", numeral(3), t("项目主要绩效或成功经验", "Achievements"), achievements(f)),
                new PerformanceReport.Part("PROBLEMS", numeral(4), t("存在问题或不足", "Problems"), problems(f)),
                new PerformanceReport.Part(
                        "RECOMMENDATIONS", numeral(5), t("相关建议", "Recommendations"), recommendations(f)));
    }

    private List<String> overview(ReportFigures f) {
        var p = f.project();
        List<String> out = new ArrayList<>();
        out.add(
                en
                        ? "Project: " + p.name() + ", station " + p.station() + ", " + p.district() + " " + p.street()
                                + "."
                        : "项目名称：" + p.name() + "；服务站点：" + p.station() + "；所在区域：" + p.district() + p.street() + "。");
        out.add(
                en
                        ? "Purchaser: " + p.purchaser().name() + "; supervisor: "
                                + p.supervisor().name() + "; service provider: "
                                + p.provider().name() + "."
                        : "项目购买方：" + p.purchaser().name() + "；项目监督方："
                                + p.supervisor().name() + "；承接机构："
                                + p.provider().name() + "。");
        out.add(
                en
                        ? "Contract period " + p.contractStart() + " to " + p.contractEnd() + "; " + p.communities()
                                + " communities served; " + p.staffCount() + " professional social workers."
                        : "合同期：" + p.contractStart() + " 至 " + p.contractEnd() + "；服务社区 " + p.communities() + " 个；专业社工 "
                                + p.staffCount() + " 名。");
        if (f.budget() == null) {
            out.add(t("资金来源及使用情况：本年度尚未录入预算及执行数据。", "Funding: no budget line has been recorded for this year."));
        } else {
            var b = f.budget();
            out.add(
                    en
                            ? "Funding: budget CNY " + Numbers.money(b.budget()) + ", executed CNY "
                                    + Numbers.money(b.executed()) + ", execution rate "
                                    + (b.executionRate() == null
                                            ? "not applicable (no budget)"
                                            : Numbers.percent(b.executionRate()))
                                    + "."
                            : "资金来源及使用情况：年初预算 " + Numbers.money(b.budget()) + " 元，执行数 " + Numbers.money(b.executed())
                                    + " 元，预算执行率 "
                                    + (b.executionRate() == null ? "无法计算（预算为零）" : Numbers.percent(b.executionRate()))
                                    + "。");
        }
        return out;
    }

    private List<String> design(ReportFigures f) {
        List<String> out = new ArrayList<>();
        out.add(t(
                "评价方法：实地观察、查阅资料、沟通访谈、社区走访、服务对象满意度及知晓度抽查、收集项目监督方与购买方等多方意见，综合形成评估报告；评估分为中期、末期两次。",
                "Methods: on-site observation, records, interviews, community visits, client satisfaction and awareness sampling, "
                        + "stakeholder opinions; evaluated twice a year (mid-term and final)."));
        if (f.evaluations().isEmpty()) {
            out.add(t("本年度尚无评估。", "There is no evaluation for this year."));
        }
        for (Evaluation e : f.evaluations()) {
            var w = e.weights();
            out.add(
                    en
                            ? "The " + phase(e.phase()) + " evaluation (" + state(e.state()) + ") uses framework "
                                    + e.framework() + ", assessed by "
                                    + e.assessor().name() + "; weights: bureau "
                                    + Numbers.weight(w.bureau()) + "%, street office "
                                    + Numbers.weight(w.streetOffice())
                                    + "%, third-party assessor " + Numbers.weight(w.assessor()) + "%."
                            : phase(e.phase()) + "评估（" + state(e.state()) + "）采用评估指标体系 " + e.framework() + "，由"
                                    + e.assessor().name() + "进行第三方评估；评价等级构成：项目监督方（区民政局）评估分值占比 "
                                    + Numbers.weight(w.bureau()) + "%，项目购买方（街道办事处）评估分值占比 "
                                    + Numbers.weight(w.streetOffice()) + "%，第三方专业服务评估分值占比 "
                                    + Numbers.weight(w.assessor()) + "%。");
        }
        out.add(t(
                "评估等级分为优秀、良好、合格、不合格四个等级：90 分以上为优秀，80 分至 90 分（不含 90 分）为良好，60 分至 80 分（不含 80 分）为合格，60 分以下为不合格。",
                "Grades: Excellent at 90 or more, Good from 80 to below 90, Pass from 60 to below 80, Fail below 60."));
        for (Sample s : f.samples()) {
            StringBuilder quotas = new StringBuilder();
            for (Stratum st : s.strata()) {
                quotas.append(quotas.length() == 0 ? "" : t("、", ", "))
                        .append(st.name())
                        .append(' ')
                        .append(st.quota())
                        .append(t(" 名", ""));
            }
            out.add(
                    en
                            ? kind(s.kind()) + " sample (" + phase(s.phase()) + ") quotas: " + quotas + "."
                            : phase(s.phase()) + kind(s.kind()) + "抽查配额：" + quotas + "。");
        }
        return out;
    }

    private List<String> conclusion(ReportFigures f) {
        List<String> out = new ArrayList<>();
        for (String phase : PHASES) {
            Evaluation e = f.evaluation(phase);
            if (e == null) {
                out.add(en ? "There is no " + phase(phase) + " evaluation this year." : "本年度尚无" + phase(phase) + "评估。");
            } else if (!e.finalized()) {
                out.add(
                        en
                                ? "The " + phase(phase) + " evaluation is not finalized yet (" + state(e.state()) + ")."
                                : phase(phase) + "评估尚未定稿（当前状态：" + state(e.state()) + "）。");
            } else {
                StringBuilder scores = new StringBuilder();
                for (PartyScore ps : e.parties()) {
                    scores.append(scores.length() == 0 ? "" : t("、", ", "))
                            .append(party(ps.party()))
                            .append(' ')
                            .append(ps.score())
                            .append(t(" 分", ""));
                }
                out.add(
                        en
                                ? "The " + phase(phase) + " evaluation: " + scores + "; weighted total " + e.total()
                                        + ", grade " + grade(e.grade()) + "."
                                : phase(phase) + "评估：" + scores + "，加权总分 " + e.total() + " 分，等级" + grade(e.grade())
                                        + "。");
            }
        }
        if (f.indicators() == null) {
            out.add(t("产出指标：本年度尚未录入协议指标。", "Output indicators: none recorded for this year."));
        } else {
            long withTarget = f.indicators().lines().stream()
                    .filter(i -> i.completionRate() != null)
                    .count();
            long met = f.indicators().lines().stream()
                    .filter(i -> i.completionRate() != null
                            && new java.math.BigDecimal(i.completionRate()).compareTo(java.math.BigDecimal.valueOf(100))
                                    >= 0)
                    .count();
            out.add(
                    en
                            ? "Output indicators: " + withTarget + " contract indicators with a target, " + met
                                    + " completed at 100% or more, " + (withTarget - met) + " below."
                            : "产出指标：有协议目标的指标 " + withTarget + " 项，其中完成率达到 100% 及以上 " + met + " 项，未达到 "
                                    + (withTarget - met) + " 项。");
        }
        if (f.evidence() == null) {
            out.add(t("效益指标：本年度尚未录入投诉情况。", "Benefit indicator: complaints have not been recorded."));
        } else {
            out.add(
                    en
                            ? "Benefit indicator: " + f.evidence().complaintsReceived()
                                    + " complaints received this year."
                            : "效益指标：本年度收到服务对象投诉 " + f.evidence().complaintsReceived() + " 宗。");
        }
        if (f.satisfaction() == null) {
            out.add(t("满意度指标：本年度尚无满意度抽查记录。", "Satisfaction: no satisfaction sample recorded this year."));
        } else {
            var s = f.satisfaction();
            out.add(
                    en
                            ? "Satisfaction: " + s.positive() + " satisfied of " + s.valid() + " valid answers, "
                                    + (s.rate() == null ? "no rate" : Numbers.percent(s.rate())) + "."
                            : "满意度指标：满意度抽查有效回答 " + s.valid() + " 份，满意 " + s.positive() + " 份，满意度 "
                                    + (s.rate() == null ? "无法计算" : Numbers.percent(s.rate())) + "。");
        }
        if (f.awareness() != null) {
            var a = f.awareness();
            out.add(
                    en
                            ? "Awareness: " + a.positive() + " aware of " + a.valid() + " respondents, "
                                    + (a.rate() == null ? "no rate" : Numbers.percent(a.rate())) + "."
                            : "知晓度：受访 " + a.valid() + " 人，知晓 " + a.positive() + " 人，知晓度 "
                                    + (a.rate() == null ? "无法计算" : Numbers.percent(a.rate())) + "。");
        }
        return out;
    }

    private List<String> achievements(ReportFigures f) {
        List<String> out = new ArrayList<>();
        if (f.indicators() == null) {
            out.add(t("绩效指标完成情况：本年度尚未录入协议指标。", "Indicator completion: none recorded for this year."));
        } else {
            out.add(
                    f.indicators().confirmed()
                            ? (en
                                    ? "Indicator completion (confirmed by "
                                            + f.indicators().confirmedBy() + "):"
                                    : "绩效指标完成情况（经第三方评估机构 " + f.indicators().confirmedBy() + " 确认）：")
                            : t(
                                    "绩效指标完成情况（尚未经第三方评估机构确认）：",
                                    "Indicator completion (not yet confirmed by the assessor):"));
            for (Indicator i : f.indicators().lines()) {
                String target = i.target() == null ? noTarget() : t("协议指标 ", "target ") + Numbers.count(i.target());
                out.add(
                        en
                                ? i.name() + ": actual " + Numbers.count(i.actual()) + " " + i.unit() + ", " + target
                                        + (i.completionRate() == null
                                                ? ""
                                                : ", completion " + Numbers.percent(i.completionRate()))
                                : i.name() + "：完成 " + Numbers.count(i.actual()) + " " + i.unit() + "，" + target
                                        + (i.completionRate() == null
                                                ? ""
                                                : "，完成率 " + Numbers.percent(i.completionRate())));
            }
        }
        if (f.evidence() == null) {
            out.add(t("资源链接、工时抵扣及荣誉：本年度尚未录入。", "Resources linked, duty offsets and honours: not recorded."));
            return out;
        }
        var ev = f.evidence();
        for (var d : ev.dutyOffsets()) {
            StringBuilder served = new StringBuilder();
            for (var r : d.residentsServed()) {
                served.append(served.length() == 0 ? "" : t("、", ", "))
                        .append(r.category())
                        .append(' ')
                        .append(Numbers.count(r.count()))
                        .append(t(" 人次", ""));
            }
            out.add(
                    en
                            ? d.name() + ": " + Numbers.count(d.socialWorkerPersonTimes())
                                    + " social-worker person-times; " + served + "; residents served in total "
                                    + Numbers.count(d.residentsServedTotal()) + "."
                            : d.name() + "：累计投入社工 " + Numbers.count(d.socialWorkerPersonTimes()) + " 人次，" + served
                                    + "；合计服务居民 " + Numbers.count(d.residentsServedTotal()) + " 人次。");
        }
        if (ev.resources().isEmpty()) {
            out.add(t("链接资源：本年度未录入。", "Resources linked: none recorded."));
        } else {
            StringBuilder parts = new StringBuilder();
            for (var r : ev.resources()) {
                parts.append(parts.length() == 0 ? "" : t("、", ", "))
                        .append(resource(r.type()))
                        .append(' ')
                        .append(Numbers.money(r.value()))
                        .append(t(" 元", ""));
            }
            out.add(
                    en
                            ? "Resources linked: CNY " + Numbers.money(ev.resourcesTotal()) + " in total (" + parts
                                    + ")."
                            : "链接资源折合价值合计 " + Numbers.money(ev.resourcesTotal()) + " 元，其中" + parts + "。");
        }
        out.add(
                en
                        ? "Complaints received: " + ev.complaintsReceived() + "."
                        : "收到投诉：" + ev.complaintsReceived() + " 宗。");
        for (String honour : ev.honours()) {
            out.add(t("荣誉：", "Honour: ") + honour);
        }
        return out;
    }

    private List<String> problems(ReportFigures f) {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (Finding finding : f.findings()) {
            out.add(item(n++)
                    + finding.title()
                    + t("（", " (")
                    + phase(finding.phase())
                    + t("评估）", " evaluation)")
                    + t("：", ": ")
                    + finding.text());
        }
        if (out.isEmpty()) {
            out.add(t("本年度评估未记录存在问题。", "The year's evaluations recorded no findings."));
        }
        return out;
    }

    private List<String> recommendations(ReportFigures f) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < CATEGORIES.size(); c++) {
            String category = CATEGORIES.get(c);
            List<Recommendation> list = f.recommendations().stream()
                    .filter(r -> r.category().equals(category))
                    .toList();
            StringBuilder text = new StringBuilder(item(c) + category(category) + t("建议：", " recommendations: "));
            if (list.isEmpty()) {
                text.append(t("暂无。", "none."));
            } else {
                for (int i = 0; i < list.size(); i++) {
                    text.append(i == 0 ? "" : " ")
                            .append(i + 1)
                            .append(". ")
                            .append(list.get(i).title())
                            .append(t("：", ": "))
                            .append(list.get(i).text());
                }
            }
            out.add(text.toString());
        }
        List<Finding> midTerm =
                f.findings().stream().filter(x -> "MID_TERM".equals(x.phase())).toList();
        if (!midTerm.isEmpty()) {
            out.add(t("中期评估问题整改情况：", "Rectification of the mid-term findings:"));
            for (Finding finding : midTerm) {
                out.add(
                        finding.rectification() == null
                                ? finding.title() + t("：尚未记录整改情况。", ": no rectification recorded yet.")
                                : finding.title()
                                        + t("：", ": ")
                                        + rectification(finding.rectification().status())
                                        + t("。", ". ")
                                        + finding.rectification().evidence());
            }
        }
        return out;
    }
}
