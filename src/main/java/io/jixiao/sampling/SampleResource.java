package io.jixiao.sampling;

import io.jixiao.api.SamplingApi;
import io.jixiao.api.model.DrawInput;
import io.jixiao.api.model.SampleKind;
import io.jixiao.api.model.SamplePlanInput;
import io.jixiao.api.model.SampleResponseInput;
import io.jixiao.common.http.ETags;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;

public class SampleResource implements SamplingApi {

    @Inject
    SampleService samples;

    @Inject
    CurrentCaller caller;

    @Context
    HttpHeaders headers;

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR})
    public Response getSample(UUID evaluationId, SampleKind kind) {
        return ok(samples.get(caller.get(), evaluationId, SampleMapper.toDomain(kind)));
    }

    @Override
    @RolesAllowed(Roles.ASSESSOR)
    public Response replaceSamplePlan(
            UUID evaluationId, SampleKind kind, String ifMatch, SamplePlanInput samplePlanInput) {
        return ok(samples.replacePlan(
                caller.get(),
                evaluationId,
                SampleMapper.toDomain(kind),
                SampleMapper.toDomain(samplePlanInput),
                ETags.expectedVersion(ifMatch)));
    }

    @Override
    @RolesAllowed(Roles.ASSESSOR)
    public Response uploadRoster(UUID evaluationId, SampleKind kind, String ifMatch, File body) {
        byte[] content;
        try {
            content = Files.readAllBytes(body.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MediaType type = headers.getMediaType();
        boolean json = type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        return ok(samples.uploadRoster(
                caller.get(),
                evaluationId,
                SampleMapper.toDomain(kind),
                content,
                json,
                ETags.expectedVersion(ifMatch)));
    }

    @Override
    @RolesAllowed(Roles.ASSESSOR)
    public Response drawSample(UUID evaluationId, SampleKind kind, String ifMatch, DrawInput drawInput) {
        return ok(samples.draw(
                caller.get(),
                evaluationId,
                SampleMapper.toDomain(kind),
                drawInput == null ? null : drawInput.getSeed(),
                ETags.expectedVersion(ifMatch)));
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR})
    public Response listSampleResponses(UUID evaluationId, SampleKind kind) {
        return Response.ok(
                        SampleMapper.toApi(samples.responses(caller.get(), evaluationId, SampleMapper.toDomain(kind))))
                .build();
    }

    @Override
    @RolesAllowed(Roles.ASSESSOR)
    public Response recordSampleResponse(UUID evaluationId, SampleKind kind, SampleResponseInput sampleResponseInput) {
        SampleResponse recorded = samples.record(
                caller.get(), evaluationId, SampleMapper.toDomain(kind), SampleMapper.toDomain(sampleResponseInput));
        return Response.status(Response.Status.CREATED)
                .entity(SampleMapper.toApi(recorded))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR})
    public Response getSampleResults(UUID evaluationId, SampleKind kind) {
        return Response.ok(SampleMapper.toApi(samples.results(caller.get(), evaluationId, SampleMapper.toDomain(kind))))
                .build();
    }

    private static Response ok(SampleService.View view) {
        return Response.ok(SampleMapper.toApi(view))
                .header("ETag", ETags.of(view.sample().version))
                .build();
    }
}
