package io.jixiao.common.i18n;

import java.util.Map;

/** Chinese and English labels of the codes people read: grades, states, categories. */
public final class Labels {

    private record Label(String zh, String en) {}

    private static final Map<String, Label> LABELS = Map.ofEntries(
            Map.entry("grade.EXCELLENT", new Label("优秀", "Excellent")),
            Map.entry("grade.GOOD", new Label("良好", "Good")),
            Map.entry("grade.PASS", new Label("合格", "Pass")),
            Map.entry("grade.FAIL", new Label("不合格", "Fail")),
            Map.entry("state.DRAFT", new Label("草稿", "Draft")),
            Map.entry("state.OPEN", new Label("评估中", "Open")),
            Map.entry("state.FINALIZED", new Label("已定稿", "Finalized")),
            Map.entry("indicator.OUTPUT", new Label("产出", "Output")),
            Map.entry("indicator.BENEFIT", new Label("效益", "Benefit")),
            Map.entry("indicator.SATISFACTION", new Label("满意度", "Satisfaction")),
            Map.entry("finding.POLICY", new Label("政策", "Policy")),
            Map.entry("finding.PROJECT_MANAGEMENT", new Label("项目管理", "Project management")),
            Map.entry("finding.PERFORMANCE_MANAGEMENT", new Label("绩效管理", "Performance management")),
            Map.entry("finding.OTHER", new Label("其他", "Other")));

    private Labels() {}

    public static String grade(String code, String language) {
        return label("grade." + code, language);
    }

    public static String state(String code, String language) {
        return label("state." + code, language);
    }

    public static String indicatorCategory(String code, String language) {
        return label("indicator." + code, language);
    }

    public static String findingCategory(String code, String language) {
        return label("finding." + code, language);
    }

    /** A bilingual name in the response language, the Chinese one when there is no English. */
    public static String name(String zh, String en, String language) {
        return Language.english(language) && en != null ? en : zh;
    }

    private static String label(String key, String language) {
        Label label = LABELS.get(key);
        if (label == null) {
            return null;
        }
        return Language.english(language) ? label.en() : label.zh();
    }
}
