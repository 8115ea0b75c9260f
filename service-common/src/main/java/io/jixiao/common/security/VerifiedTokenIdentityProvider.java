package io.jixiao.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a bearer token already verified ({@link VerifiedTokens}) with the identity its verification
 * built; any other token goes on to the OIDC identity provider, which ranks just below this one. The
 * identity is the remembered one with this request's own context attached, as the OIDC provider
 * attaches it.
 */
@ApplicationScoped
public class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Marks an identity served from the cache, so that {@link VerifiedTokenRecorder} does not store it again. */
    static final String FROM_CACHE = "io.jixiao.verified-token";

    @Inject
    VerifiedTokens verified;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Just above the OIDC identity provider (which keeps the default priority), so it is asked first. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential token)) {
            return Uni.createFrom().nullItem();
        }
        return verified.find(token.getToken())
                .map(identity -> Uni.createFrom().item(forThisRequest(identity, request, context)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    private static SecurityIdentity forThisRequest(SecurityIdentity identity, TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(FROM_CACHE, Boolean.TRUE)
                .addAttribute(AuthenticationRequestContext.class.getName(), context);
        if (routing != null) {
            routing.put(AuthenticationRequestContext.class.getName(), context);
            builder.addAttribute(RoutingContext.class.getName(), routing);
        }
        return builder.build();
    }
}
