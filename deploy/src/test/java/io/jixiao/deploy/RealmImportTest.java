package io.jixiao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the Keycloak operator imports in each overlay: the KeycloakRealmImport {@code jixiao-realm} for the Keycloak
 * CR. Production must hold no account anyone could sign in with by a committed password, and no placeholder the
 * operator does not fill from a Secret: an unfilled {@code ${VAR}} is imported as the text itself.
 */
class RealmImportTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    @Test
    void productionImportsTheRealmAloneWithNoPasswordSignIn() {
        JsonNode realmImport = realmImport(Manifests.render("overlays/prod"));
        JsonNode realm = realmImport.at("/spec/realm");
        assertEquals("jixiao", realm.get("realm").asText());
        List<String> users = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            users.add(user.get("username").asText());
            assertTrue(user.path("credentials").isMissingNode(), user.get("username") + " has a committed credential");
            assertTrue(user.hasNonNull("serviceAccountClientId"),
                    user.get("username") + " is not a service account: production users come from the city's SSO");
        }
        assertEquals(List.of("service-account-finance-portal"), users);
        List<String> clients = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            clients.add(client.get("clientId").asText());
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(false),
                    client.get("clientId") + " takes passwords directly (password grant)");
        }
        assertEquals(List.of("finance-portal", "jixiao-web"), clients);
        assertEquals("[\"https://jixiao.example/*\"]", client(realm, "jixiao-web").get("redirectUris").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void everyPlaceholderWithoutADefaultIsFilledFromASecretByTheOperator(String overlay) {
        JsonNode realmImport = realmImport(Manifests.render(overlay));
        assertEquals("keycloak", realmImport.at("/spec/keycloakCRName").asText(), "the Keycloak CR it imports into");
        JsonNode placeholders = realmImport.at("/spec/placeholders");
        Matcher matcher = PLACEHOLDER.matcher(realmImport.at("/spec/realm").toString());
        int found = 0;
        while (matcher.find()) {
            found++;
            String variable = matcher.group(1);
            if (matcher.group(2) == null) {
                JsonNode secret = placeholders.path(variable).path("secret");
                assertTrue(secret.hasNonNull("name") && secret.hasNonNull("key"), overlay + ": the operator does not"
                        + " fill " + variable + " from a Secret, so the realm would hold the text ${" + variable + "}");
            } else {
                assertEquals("overlays/dev", overlay, variable + " has a committed default in the production realm");
            }
        }
        assertTrue(found >= 1, found + " placeholders");
        assertEquals("jixiao-portal-client", placeholders.at("/JIXIAO_PORTAL_CLIENT_SECRET/secret/name").asText());
        assertEquals("${JIXIAO_PORTAL_CLIENT_SECRET}",
                client(realmImport.at("/spec/realm"), "finance-portal").get("secret").asText(),
                "the portal's client secret is the placeholder: nothing committed");
    }

    @Test
    void devAddsTheTestUsersAndALocalRedirectToTheSameRealm() {
        JsonNode dev = realmImport(Manifests.render("overlays/dev")).at("/spec/realm");
        JsonNode prod = realmImport(Manifests.render("overlays/prod")).at("/spec/realm");
        List<String> names = new ArrayList<>();
        for (JsonNode user : dev.path("users")) {
            names.add(user.get("username").asText());
        }
        assertEquals(List.of("service-account-finance-portal", "hhgxj-user", "hhgxj-lead", "hhczj-user", "reviewer",
                "admin"), names);
        // the local stack's console, and the bench's second one (the synthetic city's dashboard)
        assertEquals("[\"http://127.0.0.1:8084/*\",\"http://localhost:8084/*\",\"http://127.0.0.1:8085/*\"]", client(dev, "jixiao-web").get("redirectUris").toString());
        assertEquals(prod.get("roles"), dev.get("roles"), "the same roles");
        assertEquals(client(prod, "finance-portal"), client(dev, "finance-portal"), "the same portal client");
    }

    private static JsonNode realmImport(Manifests m) {
        List<JsonNode> imports = m.documents("KeycloakRealmImport");
        assertEquals(1, imports.size(), m.overlay + ": one KeycloakRealmImport");
        return imports.get(0);
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.get("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
