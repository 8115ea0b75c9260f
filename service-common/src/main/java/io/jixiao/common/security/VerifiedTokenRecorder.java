package io.jixiao.common.security;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Remembers each identity the OIDC identity provider verified from a bearer access token
 * ({@link VerifiedTokens}). It runs before every other augmentor but {@link WithdrawnKeyRefusal}, so what it
 * keeps is the verification's own result, and the augmentors run again on every request served from the
 * cache.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    /** Attributes that belong to the request that was verified, not to the token: never kept. */
    private static final Set<String> PER_REQUEST = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName());

    @Inject
    VerifiedTokens verified;

    @Override
    public int priority() {
        return Integer.MAX_VALUE - 1;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (verified.enabled() && !identity.isAnonymous() && identity.getAttribute(VerifiedTokenIdentityProvider.FROM_CACHE) == null
                && identity.getPrincipal() instanceof JsonWebToken jwt) {
            AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
            if (token != null && !token.isOpaque()) {
                verified.remember(token.getToken(), withoutRequest(identity), jwt.getExpirationTime());
            }
        }
        return Uni.createFrom().item(identity);
    }

    /**
     * A copy without the verified request's context, so the cache holds no request. The OIDC identity
     * carries its scopes as permissions and no permission checker of its own, so copying the
     * permissions keeps every check it answers.
     */
    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addPermissions(identity.getPermissions());
        for (Map.Entry<String, Object> attribute : identity.getAttributes().entrySet()) {
            if (!PER_REQUEST.contains(attribute.getKey())) {
                copy.addAttribute(attribute.getKey(), attribute.getValue());
            }
        }
        return copy.build();
    }
}
