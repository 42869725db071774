package io.jixiao.submission;

import io.jixiao.api.SubmissionsApi;
import io.jixiao.api.model.AmendmentInput;
import io.jixiao.api.model.Party;
import io.jixiao.api.model.SubmissionInput;
import io.jixiao.common.Outcome;
import io.jixiao.common.http.ETags;
import io.jixiao.common.metrics.BusinessMetrics;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

public class SubmissionResource implements SubmissionsApi {

    @Inject
    SubmissionService submissions;

    @Inject
    SubmissionHistory history;

    @Inject
    CurrentCaller caller;

    @Inject
    BusinessMetrics metrics;

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response listSubmissions(UUID evaluationId, OffsetDateTime asOf) {
        return Response.ok(SubmissionMapper.statuses(
                        asOf == null
                                ? submissions.statuses(caller.get(), evaluationId)
                                : history.statuses(caller.get(), evaluationId, asOf.toInstant())))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR})
    public Response submitScores(UUID evaluationId, SubmissionInput submissionInput, String idempotencyKey) {
        Outcome<SubmissionService.Sheet> created = submissions.submit(
                caller.get(),
                evaluationId,
                SubmissionMapper.toDomain(submissionInput.getParty()),
                SubmissionMapper.toDomain(submissionInput),
                idempotencyKey);
        Submission submission = created.value().submission();
        if (!created.replayed()) {
            metrics.submission(submission.party.name());
        }
        return Response.created(URI.create("/v1/evaluations/" + evaluationId + "/submissions/" + submission.party))
                .header("ETag", ETags.of(submission.version))
                .entity(SubmissionMapper.toApi(created.value()))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response getSubmission(UUID evaluationId, Party party, OffsetDateTime asOf) {
        if (asOf != null) { // a past revision: no ETag, it is no version to write to
            return Response.ok(SubmissionMapper.toApi(history.get(
                            caller.get(), evaluationId, SubmissionMapper.toDomain(party), asOf.toInstant())))
                    .build();
        }
        SubmissionService.Sheet sheet = submissions.get(caller.get(), evaluationId, SubmissionMapper.toDomain(party));
        return Response.ok(SubmissionMapper.toApi(sheet))
                .header("ETag", ETags.of(sheet.submission().version))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR})
    public Response amendScores(UUID evaluationId, Party party, String ifMatch, AmendmentInput amendmentInput) {
        SubmissionService.Sheet sheet = submissions.amend(
                caller.get(),
                evaluationId,
                SubmissionMapper.toDomain(party),
                SubmissionMapper.toDomain(amendmentInput),
                amendmentInput.getReason(),
                ETags.expectedVersion(ifMatch));
        metrics.amendment(sheet.submission().party.name());
        return Response.ok(SubmissionMapper.toApi(sheet))
                .header("ETag", ETags.of(sheet.submission().version))
                .build();
    }

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response listSubmissionRevisions(UUID evaluationId, Party party, OffsetDateTime asOf) {
        return Response.ok(SubmissionMapper.toApi(
                        asOf == null
                                ? submissions.revisions(caller.get(), evaluationId, SubmissionMapper.toDomain(party))
                                : history.revisions(
                                        caller.get(),
                                        evaluationId,
                                        SubmissionMapper.toDomain(party),
                                        asOf.toInstant())))
                .build();
    }
}
