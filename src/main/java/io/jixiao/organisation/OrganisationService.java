package io.jixiao.organisation;

import io.jixiao.common.AuditContext;
import io.jixiao.common.Outcome;
import io.jixiao.common.error.Conflict;
import io.jixiao.common.error.Forbidden;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.idempotency.IdempotencyService;
import io.jixiao.common.paging.Cursors;
import io.jixiao.common.paging.Page;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * The organisation register. Everyone authenticated reads it; only a bureau registers
 * organisations. A bureau registers bureaus and street offices of its own district only (and
 * its own organisation first, when the register does not know it yet); assessor organisations,
 * service providers and audit offices work across districts and may be registered anywhere.
 */
@ApplicationScoped
public class OrganisationService {

    @Inject
    io.jixiao.audit.AuditTrail trail;

    static final String CREATE_OPERATION = "createOrganisation";

    @Inject
    OrganisationRepository organisations;

    @Inject
    IdempotencyService idempotency;

    @Inject
    AuditContext audit;

    @Transactional
    public Page<Organisation> list(OrganisationType type, String district, String cursor, int limit) {
        String after = Cursors.decode(cursor);
        return Page.of(organisations.list(type, district, after, limit + 1), limit, o -> o.code);
    }

    @Transactional
    public Organisation get(String code) {
        return organisations
                .findByCode(code)
                .orElseThrow(() -> new NotFound("Organisation " + code + " was not found."));
    }

    /** The caller's own organisation, when the register knows it. */
    @Transactional
    public Optional<Organisation> ofCaller(Caller caller) {
        return organisations.findByCode(caller.organisationCode());
    }

    @Transactional
    public Outcome<Organisation> register(Caller caller, NewOrganisation request, String idempotencyKey) {
        return idempotency.once(
                caller,
                CREATE_OPERATION,
                idempotencyKey,
                request.toString(),
                organisations::findById,
                () -> registerNew(caller, request),
                o -> o.id);
    }

    private Organisation registerNew(Caller caller, NewOrganisation request) {
        checkMayRegister(caller, request);
        if (organisations.findByCode(request.code()).isPresent()) {
            throw new Conflict("Organisation " + request.code() + " already exists.");
        }
        Organisation organisation = new Organisation();
        organisation.id = UUID.randomUUID();
        organisation.code = request.code();
        organisation.type = request.type();
        organisation.name = request.name();
        organisation.nameEn = request.nameEn();
        organisation.district = request.district();
        organisation.street = request.street();
        organisation.createdAt = audit.now();
        organisation.createdBy = caller.username();
        organisations.persistAndFlush(organisation);
        trail.record("createOrganisation", io.jixiao.audit.AuditSubject.organisation(organisation.code));
        return organisation;
    }

    /**
     * Only a bureau registers organisations, and only within the district its token's
     * {@code district} claim names (the identity provider vouches for it, the API never takes a
     * bureau's word for it): first its own organisation, as a bureau of that district; then bureaus
     * and street offices of that district, and assessors, providers and audit offices (which work
     * across districts). The registering organisation's type is checked on every registration.
     */
    private void checkMayRegister(Caller caller, NewOrganisation request) {
        if (!caller.has(Roles.BUREAU) || caller.organisationCode() == null) {
            throw new Forbidden("Only a bureau registers organisations.");
        }
        if (caller.district() == null) {
            throw new Forbidden("Your token carries no " + Roles.DISTRICT_CLAIM + " claim: the identity provider "
                    + "names the district a bureau supervises, and without it no organisation is registered.");
        }
        boolean districtBound =
                request.type() == OrganisationType.BUREAU || request.type() == OrganisationType.STREET_OFFICE;
        if (districtBound && !caller.district().equals(request.district())) {
            throw new Forbidden("A bureau registers bureaus and street offices of its own district ("
                    + caller.district() + ") only.");
        }
        Optional<Organisation> own = organisations.findByCode(caller.organisationCode());
        if (own.isEmpty()) {
            boolean registersItself =
                    caller.organisationCode().equals(request.code()) && request.type() == OrganisationType.BUREAU;
            if (!registersItself) {
                throw new Forbidden("Register your own bureau (" + caller.organisationCode() + ") first.");
            }
            return;
        }
        if (own.get().type != OrganisationType.BUREAU) {
            throw new Forbidden("Organisation " + own.get().code + " is registered as " + own.get().type
                    + ", not as a bureau: it registers no organisations.");
        }
        if (!own.get().district.equals(caller.district())) {
            throw new Forbidden("Organisation " + own.get().code + " is registered for " + own.get().district
                    + ", but your token names " + caller.district() + ".");
        }
    }
}
