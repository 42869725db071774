package io.jixiao.common.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs after an identity provider has authenticated a request (augmentors only ever see
 * successfully verified identities) and records the OIDC-verified identity in
 * {@link VerifiedTokenCache}. Runs last, so the recorded identity is the fully augmented one;
 * identities that came from the cache are not recorded again.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    @Inject
    VerifiedTokenCache cache;

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (cache.enabled() && identity.getAttribute(VerifiedTokenCache.FROM_CACHE) == null) {
            cache.record(identity);
        }
        return Uni.createFrom().item(identity);
    }
}
