package io.jixiao.evaluation;

import io.jixiao.api.EvaluationsApi;
import io.jixiao.api.model.EvaluationInput;
import io.jixiao.api.model.FinalizationInput;
import io.jixiao.api.model.ReopeningInput;
import io.jixiao.common.Outcome;
import io.jixiao.common.http.ETags;
import io.jixiao.common.http.QueryValues;
import io.jixiao.common.i18n.RequestLanguage;
import io.jixiao.common.metrics.BusinessMetrics;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

public class EvaluationResource implements EvaluationsApi {

    @Inject
    EvaluationService evaluations;

    @Inject
    ResultService results;

    @Inject
    EvaluationHistory history;

    @Inject
    CurrentCaller caller;

    @Inject
    BusinessMetrics metrics;

    @Inject
    RequestLanguage language;

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response listEvaluations(
            UUID projectId,
            Integer fiscalYear,
            io.jixiao.api.model.EvaluationPhase phase,
            io.jixiao.api.model.EvaluationState state,
            io.jixiao.api.model.Grade grade,
            String district,
            Integer limit,
            String cursor) {
        var filter = EvaluationMapper.filter(projectId, fiscalYear, phase, state, grade, QueryValues.text(district));
        return Response.ok(EvaluationMapper.toApi(
                        evaluations.list(caller.get(), filter, QueryValues.text(cursor), limit), language.get()))
                .build();
    }

    @Override
    @RolesAllowed(Roles.BUREAU)
    public Response createEvaluation(EvaluationInput evaluationInput, String idempotencyKey) {
        Outcome<Evaluation> created =
                evaluations.create(caller.get(), EvaluationMapper.toDomain(evaluationInput), idempotencyKey);
        Evaluation evaluation = created.value();
        return Response.created(URI.create("/v1/evaluations/" + evaluation.id))
                .header("ETag", ETags.of(evaluation.version))
                .entity(EvaluationMapper.toApi(evaluation, language.get()))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response getEvaluation(UUID evaluationId, OffsetDateTime asOf) {
        if (asOf != null) { // a past state: no ETag, it is no version to write to
            return Response.ok(EvaluationMapper.toApi(
                            history.get(caller.get(), evaluationId, asOf.toInstant()), language.get()))
                    .build();
        }
        return ok(evaluations.get(caller.get(), evaluationId));
    }

    @Override
    @RolesAllowed(Roles.BUREAU)
    public Response openEvaluation(UUID evaluationId, String ifMatch) {
        return ok(evaluations.open(caller.get(), evaluationId, ETags.expectedVersion(ifMatch)));
    }

    @Override
    @RolesAllowed(Roles.BUREAU)
    public Response finalizeEvaluation(UUID evaluationId, String ifMatch, FinalizationInput finalizationInput) {
        String note = finalizationInput == null ? null : finalizationInput.getNote();
        Evaluation evaluation =
                evaluations.finalizeResult(caller.get(), evaluationId, ETags.expectedVersion(ifMatch), note);
        metrics.finalization(evaluation.resultGrade.name());
        return ok(evaluation);
    }

    @Override
    @RolesAllowed(Roles.BUREAU)
    public Response reopenEvaluation(UUID evaluationId, String ifMatch, ReopeningInput reopeningInput) {
        return ok(evaluations.reopen(
                caller.get(), evaluationId, ETags.expectedVersion(ifMatch), reopeningInput.getReason()));
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response listEvaluationTransitions(UUID evaluationId) {
        return Response.ok(EvaluationMapper.toApi(evaluations.transitions(caller.get(), evaluationId)))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response getEvaluationResult(UUID evaluationId, OffsetDateTime asOf) {
        ResultService.View view = asOf == null
                ? results.result(caller.get(), evaluationId)
                : history.result(caller.get(), evaluationId, asOf.toInstant());
        return Response.ok(EvaluationMapper.toApi(view, language.get())).build();
    }

    private Response ok(Evaluation evaluation) {
        return Response.ok(EvaluationMapper.toApi(evaluation, language.get()))
                .header("ETag", ETags.of(evaluation.version))
                .build();
    }
}
