package io.jixiao.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm as the local stack and the tests import it. Production imports
 * {@code deploy/kubernetes/base/keycloak/jixiao-realm.json} alone: no users but the portal's service
 * account, no password sign-in. Here it gets, beside it, the dev overlay's test users (a
 * {@code jixiao-users-0.json}, which Keycloak imports with the realm of that name) and, added to a copy
 * of the realm, a password-grant client, so that the demo, the bench and the tests can sign the test
 * users in without a browser.
 */
public final class TestRealm {

    public static final String NAME = "jixiao";
    static final String REALM = "deploy/kubernetes/base/keycloak/jixiao-realm.json";
    static final String TEST_USERS = "deploy/kubernetes/overlays/dev/keycloak/jixiao-users-0.json";
    private static final String TEST_LOGIN_CLIENT = "keycloak-test-login-client.json";

    /**
     * Test values for what the production realm takes from Keycloak's environment (a Secret and the
     * overlay's config there). A variable already set in this process's environment wins.
     */
    private static final Map<String, String> TEST_ENVIRONMENT = Map.of(
            "JIXIAO_PORTAL_CLIENT_SECRET", "portal-test-secret",
            "JIXIAO_WEB_REDIRECT_URI", "http://127.0.0.1:8080/*");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRealm() {
    }

    /** Writes the realm with the test client into {@code scratch}; returns it and the test users' file. */
    public static List<Path> importFiles(Path repositoryRoot, Path scratch) {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(repositoryRoot.resolve(REALM).toFile());
            try (InputStream client = TestRealm.class.getResourceAsStream(TEST_LOGIN_CLIENT)) {
                ((ArrayNode) realm.get("clients")).add(JSON.readTree(client));
            }
            Files.createDirectories(scratch);
            Path realmCopy = scratch.resolve(NAME + "-realm.json");
            JSON.writerWithDefaultPrettyPrinter().writeValue(realmCopy.toFile(), realm);
            Path users = scratch.resolve(NAME + "-users-0.json");
            Files.copy(repositoryRoot.resolve(TEST_USERS), users, StandardCopyOption.REPLACE_EXISTING);
            return List.of(realmCopy, users);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment Keycloak needs for the realm's placeholders, less what is set already. */
    public static Map<String, String> environment() {
        Map<String, String> missing = new HashMap<>(TEST_ENVIRONMENT);
        missing.keySet().removeAll(System.getenv().keySet());
        return missing;
    }
}
