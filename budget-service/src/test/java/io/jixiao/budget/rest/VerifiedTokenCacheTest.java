package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.as;
import static io.jixiao.budget.Fixtures.newDepartment;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jixiao.infra.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A bearer token verified once is not verified again on the next requests
 * (io.jixiao.common.security.VerifiedTokens): what it may do stays the same, and nothing but the exact
 * same token, before it expires, is let through that way.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    MeterRegistry registry;

    String dept;
    String otherDept;

    @BeforeEach
    void twoDepartments() {
        dept = newDepartment();
        otherDept = newDepartment();
    }

    double hits() {
        return registry.counter("jixiao.verified.tokens", "result", "hit").count();
    }

    @Test
    void aTokenServedAgainKeepsItsRolesAndItsDepartment() {
        String user = TestTokens.deptUser(dept);
        as(user).get("/api/departments/" + dept).then().statusCode(200).body("code", equalTo(dept));
        double before = hits();

        as(user).get("/api/departments/" + dept).then().statusCode(200).body("code", equalTo(dept));
        as(user).get("/api/departments/" + otherDept).then().statusCode(404);
        as(user).body("""
                {"code":"X%s","name":"不该建立"}""".formatted(dept)).post("/api/departments").then().statusCode(403);

        assertEquals(before + 3, hits(), "the three later requests were served by the first verification");
    }

    @Test
    void aTamperedCopyOfAVerifiedTokenIsRefused() {
        String user = TestTokens.deptUser(dept);
        String admin = TestTokens.admin();
        as(user).get("/api/departments/" + dept).then().statusCode(200);
        as(admin).get("/api/departments/" + otherDept).then().statusCode(200);
        String[] userParts = user.split("\\.");
        String[] adminParts = admin.split("\\.");

        String otherSignature = userParts[0] + "." + userParts[1] + "." + flipFirst(userParts[2]);
        as(otherSignature).get("/api/departments/" + dept).then().statusCode(401);
        String adminClaimsUnderUserSignature = userParts[0] + "." + adminParts[1] + "." + userParts[2];
        as(adminClaimsUnderUserSignature).get("/api/departments/" + otherDept).then().statusCode(401);

        as(user).get("/api/departments/" + dept).then().statusCode(200);
    }

    @Test
    void aVerifiedTokenIsRefusedOnceItExpires() throws InterruptedException {
        long expiry = Instant.now().getEpochSecond() + 3;
        String user = TestTokens.tokenExpiringAt(expiry, "user-" + dept.toLowerCase(), dept, "dept-user");
        as(user).get("/api/departments/" + dept).then().statusCode(200);
        as(user).get("/api/departments/" + dept).then().statusCode(200);

        Thread.sleep(Math.max(0, expiry * 1000 + 1000 - System.currentTimeMillis()));

        as(user).get("/api/departments/" + dept).then().statusCode(401);
    }

    private static String flipFirst(String base64url) {
        char first = base64url.charAt(0);
        return (first == 'A' ? 'B' : 'A') + base64url.substring(1);
    }
}
