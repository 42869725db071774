package io.jixiao.analytics;

import io.jixiao.api.AnalyticsApi;
import io.jixiao.api.model.EvaluationPhase;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** Analytics for the bureau, street offices and auditors; assessors are refused (403). */
public class AnalyticsResource implements AnalyticsApi {

    @Inject
    AnalyticsService analytics;

    @Inject
    CurrentCaller caller;

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.AUDITOR})
    public Response getGradeAnalytics(
            String district, String street, Integer fiscalYear, EvaluationPhase phase, String groupBy) {
        return Response.ok(analytics.grades(
                        caller.get(),
                        AnalyticsService.filter(
                                district, street, fiscalYear, name(phase), groupBy == null ? "DISTRICT" : groupBy)))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.AUDITOR})
    public Response getPartyScoreAnalytics(String district, String street, Integer fiscalYear, EvaluationPhase phase) {
        return Response.ok(analytics.partyScores(
                        caller.get(), AnalyticsService.filter(district, street, fiscalYear, name(phase), null)))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.AUDITOR})
    public Response getIndicatorCompletionAnalytics(
            String district, String street, Integer fiscalYear, EvaluationPhase phase) {
        return Response.ok(analytics.indicators(
                        caller.get(), AnalyticsService.filter(district, street, fiscalYear, name(phase), null)))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.AUDITOR})
    public Response getSampleAnalytics(String district, String street, Integer fiscalYear, EvaluationPhase phase) {
        return Response.ok(analytics.samples(
                        caller.get(), AnalyticsService.filter(district, street, fiscalYear, name(phase), null)))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.AUDITOR})
    public Response getRectificationAnalytics(
            String district, String street, Integer fiscalYear, EvaluationPhase phase) {
        return Response.ok(analytics.rectifications(
                        caller.get(), AnalyticsService.filter(district, street, fiscalYear, name(phase), null)))
                .build();
    }

    private static String name(EvaluationPhase phase) {
        return phase == null ? null : phase.toString();
    }
}
