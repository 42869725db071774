package io.jixiao.common.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Asked before the OIDC provider (higher priority): answers a bearer token with the identity
 * verified earlier for exactly that token when {@link VerifiedTokenCache} still holds it, and
 * otherwise answers nothing, so that Quarkus hands the request on to the OIDC provider, which
 * verifies it in full (and refuses it when it is expired, forged or foreign). It never fails a
 * request itself and never blocks: a lookup is one SHA-256 and one map read.
 *
 * <p>The served identity is a copy bound to the current request (its routing context and
 * authentication context), never the earlier request's.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    VerifiedTokenCache cache;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST * 2; // before the OIDC provider (default priority)
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (request.getToken() == null) {
            return Uni.createFrom().nullItem();
        }
        return cache.find(request.getToken().getToken())
                .map(cached -> Uni.createFrom().item(forThisRequest(cached, request, context)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    private static SecurityIdentity forThisRequest(
            SecurityIdentity cached, TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder(cached)
                .addAttribute(VerifiedTokenCache.FROM_CACHE, Boolean.TRUE)
                .addAttribute(AuthenticationRequestContext.class.getName(), context);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            copy.addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, routing);
        }
        return copy.build();
    }
}
