package io.jixiao.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm as the local stack and the tests import it: the dev overlay's, as the Keycloak operator would import
 * it in dev. That is the base's KeycloakRealmImport ({@code deploy/kubernetes/base/keycloak/jixiao-realm.json}:
 * its {@code spec.realm}; production imports it alone, with no users but the portal's service account and no
 * password sign-in) with the dev overlay's patch applied ({@code overlays/dev/keycloak/realm-dev.json}: the test
 * users, the web client's local redirect), and, added here, a password-grant client, so that the demo, the bench
 * and the tests can sign the test users in without a browser.
 */
public final class TestRealm {

    public static final String NAME = "jixiao";
    static final String REALM_IMPORT = "deploy/kubernetes/base/keycloak/jixiao-realm.json";
    static final String DEV_PATCH = "deploy/kubernetes/overlays/dev/keycloak/realm-dev.json";
    private static final String TEST_LOGIN_CLIENT = "keycloak-test-login-client.json";
    private static final String WEB_CLIENT = "jixiao-web";

    /**
     * Test values for what the realm takes from the operator's placeholders (a Secret in a cluster). A variable
     * already set in this process's environment wins.
     */
    private static final Map<String, String> TEST_ENVIRONMENT = Map.of(
            "JIXIAO_PORTAL_CLIENT_SECRET", "portal-test-secret");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRealm() {
    }

    /** Writes the dev realm with the test client into {@code scratch}; returns the file to import. */
    public static List<Path> importFiles(Path repositoryRoot, Path scratch) {
        return importFiles(repositoryRoot, scratch, List.of());
    }

    /**
     * As {@link #importFiles(Path, Path)}, with more addresses the web console may send people back to after
     * sign-in and sign-out (a test's console on a port of its own).
     */
    public static List<Path> importFiles(Path repositoryRoot, Path scratch, List<String> webConsoleRedirects) {
        try {
            ObjectNode realmImport = (ObjectNode) JSON.readTree(repositoryRoot.resolve(REALM_IMPORT).toFile());
            for (JsonNode op : JSON.readTree(repositoryRoot.resolve(DEV_PATCH).toFile())) {
                apply(realmImport, op);
            }
            ObjectNode realm = (ObjectNode) realmImport.at("/spec/realm");
            for (JsonNode client : realm.get("clients")) {
                if (client.path("clientId").asText().equals(WEB_CLIENT)) {
                    webConsoleRedirects.forEach(((ArrayNode) client.get("redirectUris"))::add);
                }
            }
            try (InputStream client = TestRealm.class.getResourceAsStream(TEST_LOGIN_CLIENT)) {
                ((ArrayNode) realm.get("clients")).add(JSON.readTree(client));
            }
            Files.createDirectories(scratch);
            Path realmFile = scratch.resolve(NAME + "-realm.json");
            JSON.writerWithDefaultPrettyPrinter().writeValue(realmFile.toFile(), realm);
            return List.of(realmFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The production realm alone ({@code spec.realm} of the base's KeycloakRealmImport), written to a file. */
    public static Path productionRealm(Path repositoryRoot, Path scratch) {
        try {
            JsonNode realm = JSON.readTree(repositoryRoot.resolve(REALM_IMPORT).toFile()).at("/spec/realm");
            Files.createDirectories(scratch);
            Path realmFile = scratch.resolve(NAME + "-realm.json");
            JSON.writerWithDefaultPrettyPrinter().writeValue(realmFile.toFile(), realm);
            return realmFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One operation of the overlay's JSON patch: the two kinds it uses, {@code add} (to an array's end) and {@code replace}. */
    private static void apply(ObjectNode document, JsonNode op) {
        String path = op.get("path").asText();
        int last = path.lastIndexOf('/');
        JsonNode parent = document.at(path.substring(0, last));
        String field = path.substring(last + 1);
        switch (op.get("op").asText()) {
            case "add" -> {
                if (parent.isArray() && field.equals("-")) {
                    ((ArrayNode) parent).add(op.get("value"));
                } else if (parent.isObject()) {
                    ((ObjectNode) parent).set(field, op.get("value"));
                } else {
                    throw new IllegalArgumentException("cannot apply " + op);
                }
            }
            case "replace" -> {
                if (parent.isArray()) {
                    ((ArrayNode) parent).set(Integer.parseInt(field), op.get("value"));
                } else {
                    ((ObjectNode) parent).set(field, op.get("value"));
                }
            }
            default -> throw new IllegalArgumentException("the dev patch uses add and replace only: " + op);
        }
    }

    /** The environment Keycloak needs for the realm's placeholders, less what is set already. */
    public static Map<String, String> environment() {
        Map<String, String> missing = new HashMap<>(TEST_ENVIRONMENT);
        missing.keySet().removeAll(System.getenv().keySet());
        return missing;
    }
}
