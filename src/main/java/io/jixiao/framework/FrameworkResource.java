package io.jixiao.framework;

import io.jixiao.api.FrameworksApi;
import io.jixiao.api.model.FrameworkInput;
import io.jixiao.api.model.FrameworkStatus;
import io.jixiao.common.Outcome;
import io.jixiao.common.http.ETags;
import io.jixiao.common.http.QueryValues;
import io.jixiao.common.i18n.RequestLanguage;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

public class FrameworkResource implements FrameworksApi {

    @Inject
    FrameworkService service;

    @Inject
    CurrentCaller caller;

    @Inject
    RequestLanguage language;

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response listFrameworks(String key, FrameworkStatus status, Integer limit, String cursor) {
        return Response.ok(FrameworkMapper.toApi(service.list(
                        QueryValues.text(key), FrameworkMapper.toDomain(status), QueryValues.text(cursor), limit)))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response getFramework(UUID frameworkId) {
        return ok(service.get(frameworkId));
    }

    @Override
    @RolesAllowed(Roles.BUREAU)
    public Response createFramework(FrameworkInput frameworkInput, String idempotencyKey) {
        Outcome<FrameworkService.WithItems> created =
                service.create(caller.get(), FrameworkMapper.toDomain(frameworkInput), idempotencyKey);
        Framework framework = created.value().framework();
        return Response.created(URI.create("/v1/frameworks/" + framework.id))
                .header("ETag", ETags.of(framework.version))
                .entity(FrameworkMapper.toApi(created.value(), language.get()))
                .build();
    }

    @Override
    @RolesAllowed(Roles.BUREAU)
    public Response replaceFramework(UUID frameworkId, String ifMatch, FrameworkInput frameworkInput) {
        return ok(service.replace(
                caller.get(), frameworkId, FrameworkMapper.toDomain(frameworkInput), ETags.expectedVersion(ifMatch)));
    }

    @Override
    @RolesAllowed(Roles.BUREAU)
    public Response publishFramework(UUID frameworkId, String ifMatch) {
        return ok(service.publish(caller.get(), frameworkId, ETags.expectedVersion(ifMatch)));
    }

    private Response ok(FrameworkService.WithItems withItems) {
        return Response.ok(FrameworkMapper.toApi(withItems, language.get()))
                .header("ETag", ETags.of(withItems.framework().version))
                .build();
    }
}
