package io.jixiao.audit;

import io.jixiao.api.AuditApi;
import io.jixiao.api.model.AuditActor;
import io.jixiao.api.model.AuditBreak;
import io.jixiao.api.model.AuditEvent;
import io.jixiao.api.model.AuditEventPage;
import io.jixiao.api.model.AuditScope;
import io.jixiao.api.model.AuditVerification;
import io.jixiao.common.paging.Page;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.util.UUID;

/** The audit trail for auditors (and a bureau, its district): list and verify. */
public class AuditEventResource implements AuditApi {

    @Inject
    AuditEventQuery events;

    @Inject
    AuditVerifier verifier;

    @Inject
    CurrentCaller caller;

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.BUREAU})
    public Response listAuditEvents(
            String objectType,
            String objectId,
            UUID evaluationId,
            UUID projectId,
            String actor,
            String organisation,
            String operation,
            String from,
            String to,
            Integer limit,
            String cursor) {
        AuditEventQuery.Filter filter = new AuditEventQuery.Filter(
                blankToNull(objectType),
                blankToNull(objectId),
                evaluationId,
                projectId,
                blankToNull(actor),
                blankToNull(organisation),
                blankToNull(operation),
                AuditEventQuery.instant("from", from),
                AuditEventQuery.instant("to", to));
        Page<AuditEventQuery.Event> page =
                events.list(caller.get(), filter, limit == null ? 20 : limit, blankToNull(cursor));
        return Response.ok(new AuditEventPage()
                        .items(page.items().stream()
                                .map(AuditEventResource::toApi)
                                .toList())
                        .nextCursor(page.nextCursor()))
                .build();
    }

    @Override
    @RolesAllowed(Roles.AUDITOR)
    public Response verifyAuditTrail(String chainKey) {
        AuditVerifier.Verification result = verifier.verify(blankToNull(chainKey));
        AuditVerification body = new AuditVerification()
                .intact(result.intact())
                .chains(result.chains())
                .events(result.events());
        result.firstBreak()
                .ifPresent(b -> body.firstBreak(new AuditBreak()
                        .eventId(b.eventId())
                        .chainKey(b.chainKey())
                        .chainSeq(b.chainSeq())
                        .problem(b.problem())
                        .expected(b.expected())
                        .found(b.found())));
        return Response.ok(body).build();
    }

    private static AuditEvent toApi(AuditEventQuery.Event e) {
        return new AuditEvent()
                .id(e.id())
                .eventId(e.eventId())
                .occurredAt(e.occurredAt().withOffsetSameInstant(ZoneOffset.UTC))
                .chainKey(e.chainKey())
                .chainSeq(e.chainSeq())
                .prevHash(e.prevHash())
                .hash(e.hash())
                .operation(e.operation())
                .objectType(e.objectType())
                .objectId(e.objectId())
                .actor(new AuditActor()
                        .subject(e.actorSubject())
                        .username(e.actorUsername())
                        .organisation(e.actorOrganisation())
                        .roles(e.actorRoles()))
                .requestId(e.requestId())
                .scope(new AuditScope()
                        .district(e.district())
                        .projectId(e.projectId())
                        .evaluationId(e.evaluationId()))
                .contentWithheld(e.contentWithheld())
                .before(e.before())
                .after(e.after())
                .changes(e.changes());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
