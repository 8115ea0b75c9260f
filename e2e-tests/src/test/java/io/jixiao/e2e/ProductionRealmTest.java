package io.jixiao.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.jixiao.demo.Http;
import io.jixiao.demo.Http.Reply;
import io.jixiao.infra.KeycloakServer;
import io.jixiao.infra.ServiceProcess;
import io.jixiao.infra.TestRealm;

/**
 * The realm as production imports it (the base's KeycloakRealmImport alone, with the portal's secret as its
 * placeholder gives it from a Secret) in a real Keycloak: the
 * portal signs in with that secret only, and no one signs in with the test users' password.
 */
class ProductionRealmTest {

    private static final String SECRET = UUID.randomUUID().toString();
    private static final List<String> TEST_USERS = List.of("hhgxj-user", "hhgxj-lead", "hhczj-user", "reviewer", "admin");

    static KeycloakServer keycloak;

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("jixiao.root", "..")).toAbsolutePath().normalize();
        keycloak = KeycloakServer.start(Path.of(System.getProperty("keycloak.dist")),
                List.of(TestRealm.productionRealm(root, root.resolve("e2e-tests/target/e2e-logs/production-realm"))),
                "jixiao",
                ServiceProcess.freePort(), root.resolve("e2e-tests/target/e2e-logs/keycloak-production-realm.log"),
                Map.of("JIXIAO_PORTAL_CLIENT_SECRET", SECRET));
    }

    @AfterAll
    static void stop() {
        keycloak.close();
    }

    @Test
    void thePortalSignsInWithTheSecretItsEnvironmentGivesAndNoOther() {
        Reply granted = portal(SECRET);
        assertEquals(200, granted.status(), granted.body());
        JsonNode claims = Http.claims(granted.json().get("access_token").asText());
        assertTrue(claims.get("aud").toString().contains("jixiao-services"), claims.toString());
        assertTrue(claims.at("/realm_access/roles").toString().contains("portal-client"), claims.toString());

        for (String secret : List.of("portal-test-secret", "${JIXIAO_PORTAL_CLIENT_SECRET}")) {
            Reply refused = portal(secret);
            assertEquals(401, refused.status(), secret + ": " + refused.body());
            assertEquals("unauthorized_client", refused.json().get("error").asText(), refused.body());
        }
    }

    @Test
    void noOneSignsInWithTheTestUsersPassword() {
        for (String user : TEST_USERS) {
            Reply testLogin = password("jixiao-test-login", user);
            assertEquals(401, testLogin.status(), user + ": " + testLogin.body());
            assertEquals("invalid_client", testLogin.json().get("error").asText(), testLogin.body());

            // the department sign-in client takes no passwords directly: its users sign in through the city's SSO
            Reply web = password("jixiao-web", user);
            assertEquals(400, web.status(), user + ": " + web.body());
            assertEquals("unauthorized_client", web.json().get("error").asText(), web.body());
        }
    }

    private static Reply portal(String secret) {
        return Http.tokenRequest(keycloak.tokenEndpoint(), Map.of("grant_type", "client_credentials",
                "client_id", "finance-portal", "client_secret", secret));
    }

    private static Reply password(String client, String user) {
        return Http.tokenRequest(keycloak.tokenEndpoint(), Map.of("grant_type", "password", "client_id", client,
                "username", user, "password", "jixiao-test"));
    }
}
