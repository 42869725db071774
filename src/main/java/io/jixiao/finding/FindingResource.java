package io.jixiao.finding;

import io.jixiao.api.FindingsApi;
import io.jixiao.api.model.FindingInput;
import io.jixiao.api.model.RectificationInput;
import io.jixiao.common.Outcome;
import io.jixiao.common.http.ETags;
import io.jixiao.common.i18n.RequestLanguage;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

public class FindingResource implements FindingsApi {

    @Inject
    FindingService findings;

    @Inject
    CurrentCaller caller;

    @Inject
    RequestLanguage language;

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response listFindings(UUID evaluationId) {
        return Response.ok(FindingMapper.toApi(findings.list(caller.get(), evaluationId), language.get()))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.ASSESSOR})
    public Response createFinding(UUID evaluationId, FindingInput findingInput, String idempotencyKey) {
        Outcome<Finding> created =
                findings.create(caller.get(), evaluationId, FindingMapper.toDomain(findingInput), idempotencyKey);
        return Response.created(URI.create("/v1/evaluations/" + evaluationId + "/findings/" + created.value().id))
                .entity(FindingMapper.toApi(created.value(), language.get()))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response getFinding(UUID evaluationId, UUID findingId) {
        return Response.ok(FindingMapper.toApi(findings.get(caller.get(), evaluationId, findingId), language.get()))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response listRectifications(UUID evaluationId) {
        return Response.ok(
                        FindingMapper.toApiItems(findings.rectifications(caller.get(), evaluationId), language.get()))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.ASSESSOR})
    public Response closeRectification(
            UUID evaluationId, UUID findingId, RectificationInput rectificationInput, String ifMatch) {
        Outcome<FindingService.Item> closed = findings.close(
                caller.get(),
                evaluationId,
                findingId,
                RectificationStatus.valueOf(rectificationInput.getStatus().name()),
                rectificationInput.getEvidence(),
                ETags.expectedVersion(ifMatch));
        FindingService.Item item = closed.value();
        long version = item.closure().orElseThrow().version;
        Response.ResponseBuilder response = !closed.created()
                ? Response.ok()
                : Response.created(URI.create("/v1/evaluations/" + evaluationId + "/rectifications/" + findingId));
        return response.header("ETag", ETags.of(version))
                .entity(FindingMapper.toApi(item, language.get()))
                .build();
    }
}
