package io.jixiao.infra;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
        return claims.jws().keyId("1").sign();
    }

    private TestTokens() {
    }
}
