package io.jixiao.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses a bearer token signed by a key the realm has withdrawn ({@link PublishedSigningKeys}), on every
 * request: whether the OIDC verification has just accepted it (with a key set fetched before the
 * withdrawal) or {@link VerifiedTokens} remembers it. It runs before every other augmentor, so a refused
 * identity is never remembered. The client gets the usual 401 invalid-token and signs in again; its new
 * token is signed by the realm's active key.
 */
@ApplicationScoped
public class WithdrawnKeyRefusal implements SecurityIdentityAugmentor {

    @Inject
    PublishedSigningKeys keys;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (token == null || token.isOpaque()) {
            return Uni.createFrom().item(identity);
        }
        String kid = PublishedSigningKeys.keyId(token.getToken(), json);
        if (keys.withdrawn(kid)) {
            registry.counter("jixiao.tokens.refused", "reason", "withdrawn-signing-key").increment();
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "the token is signed by key " + kid + ", which the realm no longer publishes"));
        }
        keys.noticed(kid);
        return Uni.createFrom().item(identity);
    }
}
