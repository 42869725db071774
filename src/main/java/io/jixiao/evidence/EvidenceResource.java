package io.jixiao.evidence;

import io.jixiao.api.EvidenceApi;
import io.jixiao.api.model.IndicatorSetInput;
import io.jixiao.api.model.YearEvidenceInput;
import io.jixiao.common.http.ETags;
import io.jixiao.common.i18n.RequestLanguage;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

public class EvidenceResource implements EvidenceApi {

    @Inject
    EvidenceService evidence;

    @Inject
    CurrentCaller caller;

    @Inject
    RequestLanguage language;

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR})
    public Response getIndicatorSet(UUID projectId, Integer fiscalYear) {
        IndicatorSet set = evidence.indicators(caller.get(), projectId, fiscalYear);
        return Response.ok(EvidenceMapper.toApi(set, language.get()))
                .header("ETag", ETags.of(set.version))
                .build();
    }

    @Override
    @RolesAllowed(Roles.STREET_OFFICE)
    public Response replaceIndicatorSet(
            UUID projectId, Integer fiscalYear, IndicatorSetInput indicatorSetInput, String ifMatch) {
        var written = evidence.replaceIndicators(
                caller.get(),
                projectId,
                fiscalYear,
                EvidenceMapper.toDomain(indicatorSetInput),
                ETags.expectedVersion(ifMatch));
        Response.ResponseBuilder response = written.created()
                ? Response.created(URI.create("/v1/projects/" + projectId + "/indicators/" + fiscalYear))
                : Response.ok();
        return response.header("ETag", ETags.of(written.value().version))
                .entity(EvidenceMapper.toApi(written.value(), language.get()))
                .build();
    }

    @Override
    @RolesAllowed(Roles.ASSESSOR)
    public Response confirmIndicatorSet(UUID projectId, Integer fiscalYear, String ifMatch) {
        IndicatorSet set =
                evidence.confirmIndicators(caller.get(), projectId, fiscalYear, ETags.expectedVersion(ifMatch));
        return Response.ok(EvidenceMapper.toApi(set, language.get()))
                .header("ETag", ETags.of(set.version))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR})
    public Response getYearEvidence(UUID projectId, Integer fiscalYear) {
        YearEvidence year = evidence.yearEvidence(caller.get(), projectId, fiscalYear);
        return Response.ok(EvidenceMapper.toApi(year))
                .header("ETag", ETags.of(year.version))
                .build();
    }

    @Override
    @RolesAllowed({Roles.STREET_OFFICE, Roles.ASSESSOR})
    public Response replaceYearEvidence(
            UUID projectId, Integer fiscalYear, YearEvidenceInput yearEvidenceInput, String ifMatch) {
        var written = evidence.replaceYearEvidence(
                caller.get(),
                projectId,
                fiscalYear,
                EvidenceMapper.toDomain(yearEvidenceInput),
                ETags.expectedVersion(ifMatch));
        Response.ResponseBuilder response = written.created()
                ? Response.created(URI.create("/v1/projects/" + projectId + "/evidence/" + fiscalYear))
                : Response.ok();
        return response.header("ETag", ETags.of(written.value().version))
                .entity(EvidenceMapper.toApi(written.value()))
                .build();
    }
}
