package io.jixiao.report;

import java.util.List;

/** The report as the contract's {@code PerformanceReport}: figures plus the six parts in words. */
public record PerformanceReport(
        String projectId,
        int fiscalYear,
        String status,
        String statusLabel,
        String title,
        String language,
        String dataAsOf,
        Verification verification,
        ReportFigures figures,
        List<Part> parts) {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    public record Verification(String algorithm, String code, String covers) {}

    public record Part(String key, String number, String heading, List<String> paragraphs) {}

    public boolean draft() {
        return DRAFT.equals(status);
    }
}
