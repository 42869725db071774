package io.jixiao.organisation;

import io.jixiao.api.OrganisationsApi;
import io.jixiao.api.model.OrganisationCreate;
import io.jixiao.api.model.OrganisationType;
import io.jixiao.common.Outcome;
import io.jixiao.common.http.ETags;
import io.jixiao.common.http.QueryValues;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;

public class OrganisationResource implements OrganisationsApi {

    @Inject
    OrganisationService service;

    @Inject
    CurrentCaller caller;

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response listOrganisations(OrganisationType type, String district, Integer limit, String cursor) {
        var page = service.list(
                OrganisationMapper.toDomain(type), QueryValues.text(district), QueryValues.text(cursor), limit);
        return Response.ok(OrganisationMapper.toApi(page)).build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response getOrganisation(String organisationCode) {
        Organisation organisation = service.get(organisationCode);
        return Response.ok(OrganisationMapper.toApi(organisation))
                .header("ETag", ETags.of(organisation.version))
                .build();
    }

    @Override
    @RolesAllowed(Roles.BUREAU)
    public Response createOrganisation(OrganisationCreate organisationCreate, String idempotencyKey) {
        Outcome<Organisation> created =
                service.register(caller.get(), OrganisationMapper.toDomain(organisationCreate), idempotencyKey);
        Organisation organisation = created.value();
        return Response.created(URI.create("/v1/organisations/" + organisation.code))
                .header("ETag", ETags.of(organisation.version))
                .entity(OrganisationMapper.toApi(organisation))
                .build();
    }
}
