package io.jixiao.organisation;

import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The register as other domains read it: by code, without its entity or repository. */
@ApplicationScoped
public class OrganisationDirectory {

    @Inject
    OrganisationRepository organisations;

    public Optional<OrganisationRef> find(String code) {
        return organisations.findByCode(code).map(Organisation::ref);
    }

    /** Whether {@code code} is registered as an organisation of that type. */
    public boolean isRegisteredAs(String code, OrganisationType type) {
        return find(code).filter(o -> o.is(type)).isPresent();
    }

    /**
     * The district a bureau caller supervises: the district of its token's {@code district} claim
     * (the identity provider is the trust root), provided its organisation is registered as a
     * bureau of that same district. Empty otherwise — such a caller sees no district.
     */
    public Optional<String> supervisedDistrict(Caller caller) {
        if (caller.district() == null || !caller.has(Roles.BUREAU)) {
            return Optional.empty();
        }
        return organisations.districtOfBureau(caller.organisationCode()).filter(caller.district()::equals);
    }
}
