package io.jixiao.console.client;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Token propagation: every call to a service carries the signed-in user's own access token, so the services apply
 * their rules, roles and department isolation to that user. The console holds no credentials of its own.
 */
public class UserToken implements ClientRequestFilter {

    @Inject
    SecurityIdentity identity;

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            // a page is only built for a signed-in user: no token means the session is gone
            throw new ServiceRefusal(401, "登录已过期，请重新登录", null, Map.of());
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
    }
}
