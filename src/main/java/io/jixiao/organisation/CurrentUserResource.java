package io.jixiao.organisation;

import io.jixiao.api.MeApi;
import io.jixiao.api.model.CurrentUser;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

public class CurrentUserResource implements MeApi {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    OrganisationService organisations;

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response getCurrentUser() {
        Caller caller = currentCaller.get();
        CurrentUser me = new CurrentUser()
                .username(caller.username())
                .roles(caller.roles().stream()
                        .sorted()
                        .map(CurrentUser.RolesEnum::fromValue)
                        .toList())
                .organisationCode(caller.organisationCode());
        organisations.ofCaller(caller).map(OrganisationMapper::toApi).ifPresent(me::organisation);
        return Response.ok(me).build();
    }
}
