package io.jixiao.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

import java.util.Set;
import java.util.stream.Collectors;

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
        Set<String> roles = identity.getRoles().stream().filter(Roles.ALL::contains).collect(Collectors.toSet());
        MDC.put("user", username); // the user name only: never the token
        return new Caller(subject, username, roles, organisation);
    }

    /** The caller's user name, or null for an anonymous request. */
    public String usernameOrNull() {
        return identity.isAnonymous() ? null : get().username();
    }
}
