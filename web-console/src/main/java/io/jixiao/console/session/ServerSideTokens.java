package io.jixiao.console.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import io.jixiao.console.config.ConsoleConfig;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps a signed-in user's tokens in this process and gives the browser only a random session id: the access and
 * refresh tokens never leave the server (DESIGN §3). Sessions end at sign-out, or when unused for
 * {@link ConsoleConfig#sessionIdle()}; a restart of the console ends them all (users sign in again, and Keycloak's
 * own session usually lets them through without a password). With more than one replica, the Ingress keeps a
 * browser on one pod (deploy/).
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class ServerSideTokens implements TokenStateManager {

    private record Held(AuthorizationCodeTokens tokens, Instant lastUsed) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Held> sessions = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Inject
    ConsoleConfig config;

    @Override
    public Uni<String> createTokenState(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            AuthorizationCodeTokens tokens, OidcRequestContext<String> requestContext) {
        byte[] id = new byte[32];
        random.nextBytes(id);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(sessionId, new Held(tokens, clock.instant()));
        return Uni.createFrom().item(sessionId);
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            String tokenState, OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        Held held = sessions.computeIfPresent(tokenState, (id, h) -> expired(h) ? null : new Held(h.tokens(), clock.instant()));
        if (held == null) {
            // signed out, idle too long, or a console restart: Quarkus drops the cookie and starts a new sign-in
            return Uni.createFrom().failure(new AuthenticationFailedException("the session has ended"));
        }
        return Uni.createFrom().item(held.tokens());
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig, String tokenState,
            OidcRequestContext<Void> requestContext) {
        sessions.remove(tokenState);
        return Uni.createFrom().voidItem();
    }

    @Scheduled(every = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleSessions() {
        sessions.values().removeIf(this::expired);
    }

    private boolean expired(Held h) {
        return h.lastUsed().plus(config.sessionIdle()).isBefore(clock.instant());
    }
}
