package io.jixiao.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.demo.Http;

/**
 * An administrator rotates the realm's signing key the way Keycloak is meant to be rotated: a new
 * generated RSA key with a higher priority (Keycloak signs with it at once), then, later, the old key
 * disabled (Keycloak stops publishing it). Every service must accept the new key's tokens within
 * {@code jixiao.signing-keys.unknown-key-read-at-most-every}, keep accepting the old key's while it is
 * published, and refuse them, remembered or not, within {@code jixiao.signing-keys.read-every} of its
 * withdrawal. Prints the measured times per service.
 */
class KeyRotationTest {

    private static final String PASSWORD = System.getenv().getOrDefault("JIXIAO_TEST_USER_PASSWORD", "jixiao-test");

    @Test
    void signInSurvivesARotationOfTheRealmsSigningKey() {
        Platform platform = Platform.get();
        String admin = Http.token(platform.keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", Platform.KEYCLOAK_ADMIN_PASSWORD));
        String realm = platform.keycloak.baseUrl() + "/admin/realms/jixiao";
        Map<String, String> reads = reads(platform);

        String oldToken = signIn(platform);
        String oldKid = keyId(oldToken);
        reads.forEach((service, url) -> assertEquals(200, Http.get(url, oldToken).status(), service));
        String oldComponent = providerOf(Http.get(realm + "/keys", admin).json(), oldKid);
        // the worst case: a token naming a key nobody has (here the old token with another key id) has just made
        // every service fetch the key set, so the rotation's new key waits for the next fetch they allow
        String madeUp = withKeyId(oldToken, "made-up-key");
        reads.forEach((service, url) -> assertEquals(401, Http.get(url, madeUp).status(), service));

        // 1. a new key with a higher priority: Keycloak signs every new token with it from now on
        ObjectNode component = Http.JSON.createObjectNode().put("name", "rsa-rotated").put("providerId", "rsa-generated")
                .put("providerType", "org.keycloak.keys.KeyProvider")
                .put("parentId", Http.get(realm, admin).json().get("id").asText());
        ObjectNode config = component.putObject("config");
        config.set("priority", array("200"));
        config.set("enabled", array("true"));
        config.set("active", array("true"));
        config.set("algorithm", array("RS256"));
        config.set("keySize", array("2048"));
        assertEquals(201, Http.post(realm + "/components", admin, component.toString()).status());
        long rotated = System.nanoTime();
        String newToken = signIn(platform);
        assertNotEquals(oldKid, keyId(newToken), "Keycloak signs with the new key");

        Duration unknownKeyInterval = Duration.ofSeconds(30);
        Map<String, Duration> accepted = new LinkedHashMap<>();
        reads.forEach((service, url) -> accepted.put(service,
                awaitStatus(url, newToken, 200, rotated, unknownKeyInterval.plusSeconds(10))));
        // the old key is still published: tokens it signed keep working
        reads.forEach((service, url) -> assertEquals(200, Http.get(url, oldToken).status(), service));

        // 2. the old key disabled: Keycloak no longer publishes it
        JsonNode old = Http.get(realm + "/components/" + oldComponent, admin).json();
        ((ObjectNode) old.get("config")).set("enabled", array("false"));
        assertEquals(204, Http.put(realm + "/components/" + oldComponent, admin, old.toString()).status());
        long withdrawn = System.nanoTime();
        Map<String, Duration> refused = new LinkedHashMap<>();
        reads.forEach((service, url) -> refused.put(service,
                awaitStatus(url, oldToken, 401, withdrawn, Platform.SIGNING_KEYS_READ_EVERY.plusSeconds(10))));
        String afterwards = signIn(platform);
        reads.forEach((service, url) -> {
            assertEquals(200, Http.get(url, newToken).status(), service);
            assertEquals(200, Http.get(url, afterwards).status(), service);
        });

        accepted.forEach((service, time) -> System.out.printf(
                "key rotation: %s accepted the new key's first token %.1f s after the rotation (a made-up key had just"
                        + " made it fetch the key set), refused the withdrawn key's %.1f s after its withdrawal"
                        + " (bounds: %d s, %d s)%n",
                service, time.toMillis() / 1000.0, refused.get(service).toMillis() / 1000.0,
                unknownKeyInterval.toSeconds(), Platform.SIGNING_KEYS_READ_EVERY.toSeconds()));
    }

    /** One read per service that any department user may make. */
    private static Map<String, String> reads(Platform platform) {
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("budget-service", platform.budget.baseUrl() + "/api/departments");
        reads.put("indicator-service", platform.indicator.baseUrl() + "/api/scoring-policies");
        reads.put("report-service", platform.report.baseUrl() + "/api/reports/HHGXJ/2023/status");
        return reads;
    }

    private static String signIn(Platform platform) {
        return Http.token(platform.keycloak.tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", "jixiao-test-login", "username", "hhgxj-user", "password", PASSWORD, "scope", "openid"));
    }

    /** Polls until the service answers {@code status}; fails past {@code bound}. Returns the time since {@code from}. */
    private static Duration awaitStatus(String url, String token, int status, long from, Duration bound) {
        long deadline = from + bound.toNanos();
        while (true) {
            Http.Reply reply = Http.get(url, token);
            if (reply.status() == status) {
                return Duration.ofNanos(System.nanoTime() - from);
            }
            assertTrue(System.nanoTime() < deadline, url + " still answered " + reply.status() + " after " + bound
                    + " (expected " + status + "): " + reply.body());
            sleep(200);
        }
    }

    private static String providerOf(JsonNode keys, String kid) {
        for (JsonNode key : keys.get("keys")) {
            if (kid.equals(key.path("kid").asText())) {
                return key.get("providerId").asText();
            }
        }
        throw new AssertionError("the realm lists no key " + kid + ": " + keys);
    }

    /** The token with another key id in its header (so its signature no longer matches, which is beside the point). */
    private static String withKeyId(String jwt, String kid) {
        String[] parts = jwt.split("\\.");
        ObjectNode header = (ObjectNode) Http.json(new String(java.util.Base64.getUrlDecoder().decode(parts[0])));
        header.put("kid", kid);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(header.toString().getBytes())
                + "." + parts[1] + "." + parts[2];
    }

    private static String keyId(String jwt) {
        return Http.json(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[0]))).get("kid").asText();
    }

    private static ArrayNode array(String value) {
        return Http.JSON.createArrayNode().add(value);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
