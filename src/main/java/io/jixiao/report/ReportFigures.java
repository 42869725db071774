package io.jixiao.report;

import java.util.List;

/**
 * Every figure of a performance report, language-independent, exactly as the contract's
 * {@code ReportFigures}. Decimals are strings (exact, as stored), dates and times ISO strings; an
 * absent figure is null and left out of the JSON, never a zero. The verification code is the
 * SHA-256 of the canonical JSON of this object ({@link Canonical}).
 */
public record ReportFigures(
        int fiscalYear,
        Project project,
        Budget budget,
        List<Evaluation> evaluations,
        List<String> missingPhases,
        Indicators indicators,
        Evidence evidence,
        List<Sample> samples,
        Rate satisfaction,
        Rate awareness,
        List<Finding> findings,
        List<Recommendation> recommendations) {

    public record OrganisationRef(String code, String name) {}

    public record Project(
            String id,
            String name,
            String station,
            String district,
            String street,
            OrganisationRef purchaser,
            OrganisationRef supervisor,
            OrganisationRef provider,
            String contractStart,
            String contractEnd,
            int communities,
            int staffCount) {}

    public record Budget(String budget, String executed, String executionRate) {}

    public record Weights(String bureau, String streetOffice, String assessor) {}

    public record PartyScore(String party, OrganisationRef organisation, String weight, String score) {}

    public record Evaluation(
            String id,
            String phase,
            String state,
            String framework,
            OrganisationRef assessor,
            Weights weights,
            List<PartyScore> parties,
            String total,
            String grade,
            Boolean disagreementFlagged,
            String finalizedAt) {

        public boolean finalized() {
            return "FINALIZED".equals(state);
        }
    }

    public record Indicator(
            String key,
            String name,
            String unit,
            String category,
            String target,
            String actual,
            String completionRate) {}

    public record Indicators(boolean confirmed, String confirmedBy, List<Indicator> lines) {}

    public record Resource(String type, String description, String value) {}

    public record Residents(String category, int count) {}

    public record DutyOffset(
            String name, int socialWorkerPersonTimes, List<Residents> residentsServed, long residentsServedTotal) {}

    public record Evidence(
            List<Resource> resources,
            String resourcesTotal,
            List<DutyOffset> dutyOffsets,
            long residentsServedTotal,
            long socialWorkerPersonTimes,
            int complaintsReceived,
            String complaintsNote,
            List<String> honours) {}

    public record Stratum(
            String code,
            String name,
            int quota,
            int respondents,
            int refusals,
            int valid,
            int positive,
            String rate,
            boolean quotaMet) {}

    public record Sample(
            String phase,
            String kind,
            List<Stratum> strata,
            int quota,
            int respondents,
            int valid,
            int positive,
            String rate,
            boolean quotasMet) {}

    public record Rate(int valid, int positive, String rate) {}

    public record Rectification(String status, String evidence, String closedAt) {}

    public record Finding(
            String id, String phase, String category, String title, String text, Rectification rectification) {}

    public record Recommendation(
            String id, String phase, String category, String title, String text, String addresses) {}

    public Evaluation evaluation(String phase) {
        return evaluations.stream()
                .filter(e -> e.phase().equals(phase))
                .findFirst()
                .orElse(null);
    }
}
