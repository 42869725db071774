package io.jixiao.common.security;

import io.jixiao.common.error.Forbidden;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

/** Builds the {@link Caller} of the current request from the verified token. */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    public Caller get() {
        String subject = identity.getPrincipal().getName();
        String username = subject;
        String organisation = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            String preferred = jwt.getClaim("preferred_username");
            username = preferred != null ? preferred : subject;
            Object org = jwt.getClaim(Roles.ORG_CLAIM);
            organisation = org == null ? null : org.toString().replace("\"", "");
            if (organisation != null && organisation.isBlank()) {
                organisation = null;
            }
        }
        String district = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(Roles.DISTRICT_CLAIM) != null) {
            district = jwt.getClaim(Roles.DISTRICT_CLAIM).toString().replace("\"", "");
            district = district.isBlank() ? null : district;
        }
        Set<String> roles =
                identity.getRoles().stream().filter(Roles.ALL::contains).collect(Collectors.toSet());
        MDC.put("user", username); // the user name only: never the token
        if (organisation == null) {
            roles.stream()
                    .filter(Roles.ACTING_FOR_AN_ORGANISATION::contains)
                    .findFirst()
                    .ifPresent(role -> {
                        throw new Forbidden("Your token has the role " + role + " but no " + Roles.ORG_CLAIM
                                + " claim naming the organisation you act for; ask the identity provider's administrators "
                                + "to set it.");
                    });
        }
        return new Caller(subject, username, roles, organisation, district);
    }

    /** The caller's user name, or null for an anonymous request. */
    public String usernameOrNull() {
        if (identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null) {
            return jwt.getClaim("preferred_username").toString();
        }
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
    }
}
