package io.jixiao.appeal;

import io.jixiao.api.AppealsApi;
import io.jixiao.api.model.AppealInput;
import io.jixiao.api.model.RulingInput;
import io.jixiao.common.Outcome;
import io.jixiao.common.http.ETags;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

public class AppealResource implements AppealsApi {

    @Inject
    AppealService appeals;

    @Inject
    CurrentCaller caller;

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response listAppeals(UUID evaluationId) {
        return Response.ok(AppealMapper.toApi(appeals.list(caller.get(), evaluationId)))
                .build();
    }

    @Override
    @RolesAllowed(Roles.PROVIDER)
    public Response fileAppeal(UUID evaluationId, AppealInput appealInput, String idempotencyKey) {
        Outcome<Appeal> filed =
                appeals.file(caller.get(), evaluationId, AppealMapper.toDomain(appealInput), idempotencyKey);
        Appeal appeal = filed.value();
        return Response.created(URI.create("/v1/evaluations/" + evaluationId + "/appeals/" + appeal.id))
                .header("ETag", ETags.of(appeal.version))
                .entity(AppealMapper.toApi(appeal))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response getAppeal(UUID evaluationId, UUID appealId) {
        return ok(appeals.get(caller.get(), evaluationId, appealId));
    }

    @Override
    @RolesAllowed(Roles.BUREAU)
    public Response ruleOnAppeal(UUID evaluationId, UUID appealId, String ifMatch, RulingInput rulingInput) {
        return ok(appeals.rule(
                caller.get(),
                evaluationId,
                appealId,
                AppealMapper.decision(rulingInput.getDecision()),
                rulingInput.getRationale(),
                ETags.expectedVersion(ifMatch)));
    }

    private static Response ok(Appeal appeal) {
        return Response.ok(AppealMapper.toApi(appeal))
                .header("ETag", ETags.of(appeal.version))
                .build();
    }
}
