package io.jixiao.organisation;

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

    /** The district of the organisation when it is a registered bureau: what a bureau's scope covers. */
    public Optional<String> districtOfBureau(String code) {
        return organisations.districtOfBureau(code);
    }
}
