package io.jixiao.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real signed tokens for {@code @QuarkusTest}s, shaped as Keycloak issues them (realm roles in
 * {@code realm_access.roles}, the {@code department} claim), signed with the key of the in-process
 * OIDC test server that the test resource configures.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "jixiao-services";

    public static String portal() {
        return token("service-account-finance-portal", null, "portal-client");
    }

    public static String deptUser(String department) {
        return token("user-" + department.toLowerCase(), department, "dept-user");
    }

    public static String deptLead(String department) {
        return token("lead-" + department.toLowerCase(), department, "dept-lead");
    }

    public static String reviewer() {
        return token("reviewer", null, "finance-reviewer");
    }

    public static String admin() {
        return token("admin", null, "admin");
    }

    public static String token(String subject, String department, String... roles) {
        return tokenExpiringAt(Instant.now().getEpochSecond() + 3600, subject, department, roles);
    }

    /** A token whose {@code exp} is the given second, for what must stop working when it expires. */
    public static String tokenExpiringAt(long expiresAtEpochSecond, String subject, String department,
            String... roles) {
        return claims(expiresAtEpochSecond, subject, department, roles).jws().keyId("1").sign();
    }

    /**
     * A token signed by the test server's key but naming it {@code keyId} in its header: what a token of a
     * rotated (or made-up) key looks like to a service holding the key set published before.
     */
    public static String signedAsKey(String keyId, String subject, String department, String... roles) {
        return claims(Instant.now().getEpochSecond() + 3600, subject, department, roles).jws().keyId(keyId)
                .sign(testServerKey());
    }

    /** The OIDC test server's private key (its jar's privateKey.jwk, which it publishes as key "1"). */
    private static PrivateKey testServerKey() {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream("privateKey.jwk")) {
            if (in == null) {
                throw new IllegalStateException("privateKey.jwk is not on the class path (quarkus-test-oidc-server)");
            }
            return ((RsaJsonWebKey) JsonWebKey.Factory.newJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                    .getPrivateKey();
        } catch (IOException | JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(long expiresAtEpochSecond, String subject, String department,
            String... roles) {
        JwtClaimsBuilder claims = Jwt.claims()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim("preferred_username", subject)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresAt(expiresAtEpochSecond);
        if (department != null) {
            claims.claim("department", department);
        }
        return claims;
    }

    private TestTokens() {
    }
}
