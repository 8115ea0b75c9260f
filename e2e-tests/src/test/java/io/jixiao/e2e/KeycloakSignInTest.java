package io.jixiao.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.jixiao.demo.Http;
import io.jixiao.events.CloudEventHeaders;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Topics;
import io.jixiao.infra.TopicReader;

/**
 * Signing in through a real Keycloak: the finance portal with its client credentials, department
 * users with their passwords; the tokens Keycloak issues are accepted, mapped (roles, department)
 * and confined by the three running services.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakSignInTest {

    private static final String PASSWORD = System.getenv().getOrDefault("JIXIAO_TEST_USER_PASSWORD", "jixiao-test");
    private static final String PORTAL_SECRET = System.getenv().getOrDefault("JIXIAO_PORTAL_CLIENT_SECRET",
            "portal-test-secret");

    static Platform platform;
    static String portal;
    static String user;
    static String otherUser;
    static String reviewer;
    static String projectId;

    @BeforeAll
    static void signIn() {
        platform = Platform.get();
        String tokens = platform.keycloak.tokenEndpoint();
        portal = Http.token(tokens, Map.of("grant_type", "client_credentials", "client_id", "finance-portal",
                "client_secret", PORTAL_SECRET));
        user = password("hhczj-user");
        otherUser = password("hhgxj-user");
        reviewer = password("reviewer");
    }

    private static String password(String username) {
        return Http.token(platform.keycloak.tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", "jixiao-test-login", "username", username, "password", PASSWORD, "scope", "openid"));
    }

    @Test
    @Order(1)
    void keycloakTokensCarryTheAudienceTheRolesAndTheDepartment() {
        JsonNode portalClaims = Http.claims(portal);
        assertEquals(platform.keycloak.issuer(), portalClaims.get("iss").asText());
        assertTrue(portalClaims.get("aud").toString().contains("jixiao-services"), portalClaims.toString());
        assertTrue(portalClaims.at("/realm_access/roles").toString().contains("portal-client"), portalClaims.toString());

        JsonNode userClaims = Http.claims(user);
        assertEquals("HHCZJ", userClaims.get("department").asText());
        assertTrue(userClaims.at("/realm_access/roles").toString().contains("dept-user"));
        assertEquals("HHGXJ", Http.claims(otherUser).get("department").asText());
    }

    @Test
    @Order(2)
    void thePortalRegistersAndFundsWithItsServiceAccount() {
        String budget = platform.budget.baseUrl();
        assertEquals(201, Http.post(budget + "/api/departments", portal,
                "{\"code\":\"HHCZJ\",\"name\":\"怀化市财政局\"}").status());
        Http.Reply project = Http.post(budget + "/api/projects", portal, """
                {"departmentCode":"HHCZJ","fiscalYear":2023,"name":"财政信息化项目","category":"MID_YEAR_ADJUSTMENT",
                 "fundingLines":[{"name":"2023年预算","amount":"300000.00"},
                                 {"name":"2022年结转","amount":"40000.00","carriedOverFromYear":2022}]}""");
        assertEquals(201, project.status(), project.body());
        projectId = project.json().get("id").asText();
        String line = project.json().at("/fundingLines/0/id").asText();
        Http.Reply arrival = Http.post(budget + "/api/projects/" + projectId + "/arrivals", portal,
                "{\"fundingLineId\":\"" + line + "\",\"amount\":\"300000.00\",\"arrivedOn\":\"2023-03-01\"}");
        assertEquals(201, arrival.status(), arrival.body());
        // the portal does not spend a department's money
        assertEquals(403, Http.post(budget + "/api/projects/" + projectId + "/disbursements", portal, disbursement(line))
                .status());
    }

    @Test
    @Order(3)
    void aDepartmentUserSeesAndSpendsOnlyTheirOwnDepartmentsMoney() {
        String budget = platform.budget.baseUrl();
        String line = Http.get(budget + "/api/projects/" + projectId, user).json().at("/fundingLines/0/id").asText();
        Http.Reply spent = Http.post(budget + "/api/projects/" + projectId + "/disbursements", user, disbursement(line));
        assertEquals(201, spent.status(), spent.body());

        assertEquals(404, Http.get(budget + "/api/projects/" + projectId, otherUser).status());
        assertEquals(404, Http.post(budget + "/api/projects/" + projectId + "/disbursements", otherUser,
                disbursement(line)).status());
        assertEquals(200, Http.get(budget + "/api/projects/" + projectId + "/balance", reviewer).status());
        assertEquals(403, Http.post(budget + "/api/projects/" + projectId + "/disbursements", reviewer,
                disbursement(line)).status());
    }

    @Test
    @Order(4)
    void whatIsNotAValidTokenOfThisIssuerIsRefused() {
        String url = platform.budget.baseUrl() + "/api/projects/" + projectId;
        Http.Reply anonymous = Http.get(url, null);
        assertEquals(401, anonymous.status());
        // a refusal the client can show: a problem saying what to do, not an empty body
        assertEquals("urn:jixiao:problem:unauthenticated", anonymous.json().path("type").asText(), anonymous.body());
        String[] parts = user.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        Http.Reply refused = Http.get(url, forged);
        assertEquals(401, refused.status());
        assertEquals("urn:jixiao:problem:invalid-token", refused.json().path("type").asText(), refused.body());
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + parts[1] + ".";
        assertEquals(401, Http.get(url, unsigned).status());
    }

    @Test
    @Order(5)
    void theOtherServicesAcceptTheSameSignIn() {
        String indicator = platform.indicator.baseUrl();
        Http.Reply ledger = awaitStatus(indicator + "/api/departments/HHCZJ/years/2023/ledger", user, 200,
                r -> r.body().contains(projectId));
        assertTrue(ledger.body().contains("280000.00") || ledger.body().contains(projectId), ledger.body());
        assertEquals(404, Http.get(indicator + "/api/departments/HHCZJ/years/2023/ledger", otherUser).status());

        String report = platform.report.baseUrl();
        awaitStatus(report + "/api/reports/HHCZJ/2023", user, 200, r -> r.body().contains("财政信息化项目"));
        assertEquals(404, Http.get(report + "/api/reports/HHCZJ/2023", otherUser).status());
        assertEquals(200, Http.get(report + "/api/monitoring/years/2023?month=12", reviewer).status());
        assertEquals(403, Http.get(report + "/api/monitoring/years/2023?month=12", user).status());
        assertEquals(403, Http.get(report + "/api/reports/HHCZJ/2023", portal).status());
    }

    @Test
    @Order(6)
    void eventsRecordWhoCausedThem() {
        try (TopicReader topic = new TopicReader(platform.kafka.bootstrapServers(), Topics.BUDGET_EVENTS)) {
            List<ConsumerRecord<String, String>> records = topic.awaitRecords(projectId, 3, Duration.ofSeconds(30));
            List<JsonNode> spent = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                if (EventTypes.FUNDS_SPENT.equals(TopicReader.header(r, CloudEventHeaders.TYPE))) {
                    spent.add(Http.json(r.value()));
                }
            }
            assertEquals(1, spent.size());
            assertEquals(Http.claims(user).get("sub").asText(), spent.get(0).at("/actor/subject").asText());
            assertEquals("HHCZJ", spent.get(0).at("/actor/department").asText());
        }
    }

    private static String disbursement(String line) {
        return "{\"fundingLineId\":\"" + line + "\",\"amount\":\"280000.00\",\"spentOn\":\"2023-06-01\","
                + "\"payee\":\"怀化某信息技术有限公司\",\"purpose\":\"智慧怀化平台运维\"}";
    }

    private static Http.Reply awaitStatus(String url, String token, int status,
            java.util.function.Predicate<Http.Reply> ready) {
        Instant deadline = Instant.now().plusSeconds(30);
        Http.Reply reply = Http.get(url, token);
        while (!(reply.status() == status && ready.test(reply)) && Instant.now().isBefore(deadline)) {
            sleep();
            reply = Http.get(url, token);
        }
        assertEquals(status, reply.status(), reply.body());
        return reply;
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
