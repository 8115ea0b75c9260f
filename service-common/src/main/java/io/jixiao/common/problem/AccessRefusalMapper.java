package io.jixiao.common.problem;

import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;

/**
 * Refusals of the caller rather than of the request: no token, a token we do not accept, or roles that
 * do not allow the call. Quarkus answers these with an empty body; a client (the portal, the SPA) then
 * has nothing to show or log. Here they are problems like every other refusal, and a 401 keeps the
 * RFC 6750 challenge a client library looks for.
 */
public class AccessRefusalMapper {

    /** No credentials on a call that needs them. */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return refusal(401, "unauthenticated", "Not signed in",
                "this call needs a bearer token from the city's sign-in (Authorization: Bearer …)", "Bearer");
    }

    /**
     * A token that failed verification: expired, another issuer, audience or key, or not a token at all.
     * Which of these stays in the log: the client learns only that it must get a new token.
     */
    @ServerExceptionMapper
    public Response tokenRefused(AuthenticationFailedException e, HttpServerResponse response) {
        // the OIDC mechanism has already set its plain "Bearer" challenge; this one says why
        response.headers().remove(HttpHeaders.WWW_AUTHENTICATE);
        return refusal(401, "invalid-token", "Token not accepted",
                "the bearer token is not valid here (expired, or not issued by the city's sign-in for this service):"
                        + " sign in again",
                "Bearer error=\"invalid_token\"");
    }

    /** Signed in, but none of the caller's roles may make this call. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemMapper.response(ProblemException.forbidden("your roles do not allow this call"));
    }

    private static Response refusal(int status, String type, String title, String detail, String challenge) {
        return Response.fromResponse(ProblemMapper.response(new ProblemException(status, type, title, detail, Map.of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
