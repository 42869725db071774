package io.jixiao.report;

import io.jixiao.common.error.NotFound;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Builds the year's performance report of a project from one snapshot of the reporting
 * datasource. Rules: the project must be in the caller's scope (else 404); the report is PUBLISHED
 * when the year's FINAL evaluation exists and every evaluation of the year is finalized, a DRAFT
 * otherwise; a draft is read only by the district's bureau and auditors (anyone else: 404, as if
 * there were no report). The JSON is a pure function of the stored data: the same data gives the
 * same JSON and verification code.
 */
@ApplicationScoped
public class ReportService {

    static final String COVERS = "canonical JSON of figures (keys sorted, no whitespace, UTF-8)";

    @Inject
    ReportingDataSource reporting;

    public PerformanceReport report(Caller caller, UUID projectId, int fiscalYear, String language) {
        ReadScope.Predicate scope = ReadScope.ofProjects(caller, "p", true);
        ReportRepository.Loaded loaded = reporting.read(db -> new ReportRepository(db)
                .load(projectId, fiscalYear, scope, caller.organisationCode(), caller.district()));
        if (loaded == null) {
            throw new NotFound("Project " + projectId + " was not found.");
        }
        ReportFigures figures = loaded.figures();
        String status = published(figures) ? PerformanceReport.PUBLISHED : PerformanceReport.DRAFT;
        if (PerformanceReport.DRAFT.equals(status) && !readsDrafts(caller, loaded.callerIsDistrictBureau())) {
            throw new NotFound("The " + fiscalYear + " report of project " + projectId + " was not found.");
        }
        ReportTexts texts = new ReportTexts(language);
        return new PerformanceReport(
                projectId.toString(),
                fiscalYear,
                status,
                texts.status(status),
                texts.title(figures),
                texts.language,
                ReportRepository.instant(loaded.dataAsOf()),
                new PerformanceReport.Verification("SHA_256", Canonical.verificationCode(figures), COVERS),
                figures,
                texts.parts(figures));
    }

    /** The FINAL evaluation exists and nothing of the year is still open or drafted. */
    static boolean published(ReportFigures figures) {
        return figures.evaluation("FINAL") != null
                && figures.evaluations().stream().allMatch(ReportFigures.Evaluation::finalized);
    }

    private static boolean readsDrafts(Caller caller, boolean callerIsDistrictBureau) {
        return caller.has(Roles.AUDITOR) || (caller.has(Roles.BUREAU) && callerIsDistrictBureau);
    }
}
