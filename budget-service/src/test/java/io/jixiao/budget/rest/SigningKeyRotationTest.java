package io.jixiao.budget.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.jixiao.budget.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.jixiao.budget.Fixtures;
import io.jixiao.common.security.PublishedSigningKeys;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;

/**
 * A rotation of the realm's signing key, against the OIDC test server's key set: a token naming a key the
 * service has not fetched is accepted once the realm publishes that key (the key set is fetched again, at
 * most once per interval, however many made-up keys arrive), and a token whose key the realm withdrew is
 * refused, though the service verified and remembered it before. The same against a real Keycloak, with
 * the times measured: e2e-tests' KeyRotationTest.
 */
@QuarkusTest
class SigningKeyRotationTest {

    private static final String KEY_SET = "/auth/realms/quarkus/protocol/openid-connect/certs";
    private static final ObjectMapper JSON = new ObjectMapper();

    @OidcWireMock
    WireMockServer oidcServer;

    @Inject
    PublishedSigningKeys keys;

    @ConfigProperty(name = "jixiao.signing-keys.unknown-key-read-at-most-every")
    Duration unknownKeyInterval;

    private final List<StubMapping> published = new ArrayList<>();

    @AfterEach
    void publishTheTestServersOwnKeySetAgain() {
        published.forEach(oidcServer::removeStub);
        published.clear();
        keys.readNow();
    }

    @Test
    void aFloodOfMadeUpKeysCostsAtMostOneKeySetFetchPerInterval() {
        int before = keySetFetches();
        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            as(TestTokens.signedAsKey("made-up-" + UUID.randomUUID(), "someone", "HHGXJ", "dept-user"))
                    .get("/api/departments").then().statusCode(401).body("type", equalTo("urn:jixiao:problem:invalid-token"));
        }
        long intervals = Duration.ofNanos(System.nanoTime() - started).toMillis() / unknownKeyInterval.toMillis();
        int fetched = keySetFetches() - before;
        assertTrue(fetched <= 1 + intervals, "40 tokens of unknown keys in " + intervals
                + " whole interval(s) fetched the key set " + fetched + " times");
    }

    @Test
    void aKeyTheRealmAddsIsAcceptedWithinTheIntervalAndAWithdrawnOneIsRefused() throws IOException {
        String department = Fixtures.newDepartment();
        String rotated = "rotated-" + UUID.randomUUID();
        String newToken = TestTokens.signedAsKey(rotated, "user-rotation", department, "dept-user");
        String oldToken = TestTokens.deptUser(department);
        as(oldToken).get("/api/departments/" + department).then().statusCode(200);

        // the realm adds a key; the service holds the key set fetched before it
        publish("1", rotated);
        Awaitility.await().atMost(unknownKeyInterval.plusSeconds(5)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> as(newToken).get("/api/departments/" + department).then().statusCode(200));
        // the previous key is still published: its tokens keep working
        as(oldToken).get("/api/departments/" + department).then().statusCode(200);

        // the realm withdraws the previous key: its token, verified and remembered a moment ago, is refused
        publish(rotated);
        assertTrue(keys.readNow(), "the key set could be read");
        as(oldToken).get("/api/departments/" + department).then().statusCode(401)
                .body("type", equalTo("urn:jixiao:problem:invalid-token"));
        as(TestTokens.deptUser(department)).get("/api/departments/" + department).then().statusCode(401);
        as(newToken).get("/api/departments/" + department).then().statusCode(200);
    }

    /** The OIDC test server publishes its one public key under each of these key ids. */
    private void publish(String... kids) throws IOException {
        ObjectNode key;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("publicKey.jwk")) {
            key = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode set = JSON.createObjectNode();
        ArrayNode list = set.putArray("keys");
        for (String kid : kids) {
            list.add(key.deepCopy().put("kid", kid).put("use", "sig").put("alg", "RS256"));
        }
        published.add(oidcServer.stubFor(get(urlEqualTo(KEY_SET)).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(set.toString().getBytes(StandardCharsets.UTF_8)))));
    }

    private int keySetFetches() {
        return oidcServer.countRequestsMatching(getRequestedFor(urlEqualTo(KEY_SET)).build()).getCount();
    }
}
