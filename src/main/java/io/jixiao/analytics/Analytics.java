package io.jixiao.analytics;

import java.util.List;

/** The analytics answers, shaped as the contract's schemas (GradeAnalytics, …). */
public final class Analytics {

    private Analytics() {}

    /** The filter, echoed. Null fields were not given. */
    public record Filter(String district, String street, Integer fiscalYear, String phase, String groupBy) {}

    /** The row counts behind the figures. */
    public record Basis(long projects, Long evaluations, Long indicatorSets, Long samples, Long findings) {}

    public record GradeRow(
            String group, long evaluations, long excellent, long good, long pass, long fail, String averageTotal) {}

    public record Grades(String asOf, Filter filter, Basis basis, List<GradeRow> rows) {}

    public record PartyAverage(String party, long evaluations, String averageScore) {}

    public record DimensionAverage(
            String party,
            String frameworkKey,
            int frameworkVersion,
            String code,
            String name,
            String maxPoints,
            long submissions,
            String averagePoints) {}

    public record PartyScores(
            String asOf,
            Filter filter,
            Basis basis,
            long disagreements,
            List<PartyAverage> parties,
            List<DimensionAverage> dimensions) {}

    public record IndicatorRow(
            String key,
            String name,
            long projects,
            long withTarget,
            String medianRate,
            String minimumRate,
            long belowEighty,
            String shareBelowEighty) {}

    public record IndicatorCompletion(String asOf, Filter filter, Basis basis, List<IndicatorRow> rows) {}

    public record SampleRow(
            String kind,
            String stratum,
            String name,
            long samples,
            long quota,
            long respondents,
            long quotaMet,
            long positive,
            long valid,
            String rate) {}

    public record Samples(String asOf, Filter filter, Basis basis, List<SampleRow> rows) {}

    public record RectificationRow(
            String category, long findings, long open, long partiallyResolved, long resolved, long unresolved) {}

    public record Rectifications(String asOf, Filter filter, Basis basis, List<RectificationRow> rows) {}
}
