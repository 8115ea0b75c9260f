package io.jixiao.common.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The realm's published signing keys, read from its key set (the discovery document's {@code jwks_uri})
 * every {@link SigningKeysConfig#readEvery()}, and sooner (at most every
 * {@link SigningKeysConfig#unknownKeyReadAtMostEvery()}) when a verified token names a key not seen yet.
 *
 * <p>Quarkus verifies a token with the keys it fetched, and fetches them again only for a key it does not
 * have; a key the realm has withdrawn stays in that set and keeps verifying the tokens it signed. This
 * read tells which keys were withdrawn ({@link SigningKeyHistory}), so that {@link WithdrawnKeyRefusal}
 * refuses their tokens, including those the verified-token cache remembers. A failed read changes
 * nothing: the keys last read stay in force and the next read tries again.
 */
@ApplicationScoped
public class PublishedSigningKeys {

    private static final Logger LOG = Logger.getLogger(PublishedSigningKeys.class);

    @Inject
    SigningKeysConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> authServerUrl;

    private final SigningKeyHistory history = new SigningKeyHistory();
    private final AtomicBoolean readPending = new AtomicBoolean();
    private volatile long lastReadNanos;
    private volatile URI keySet;
    private volatile boolean failing;
    private HttpClient http;
    private ScheduledExecutorService reader;

    void onStart(@Observes StartupEvent event) {
        if (authServerUrl.isEmpty()) {
            return;
        }
        http = HttpClient.newBuilder().connectTimeout(config.readTimeout()).build();
        reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "signing-key-reader");
            thread.setDaemon(true);
            return thread;
        });
        reader.scheduleWithFixedDelay(this::readQuietly, 0, config.readEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (reader != null) {
            reader.shutdownNow();
        }
    }

    /** Whether the key that signed this token was published once and is not any more. */
    public boolean withdrawn(String kid) {
        return history.withdrawn(kid);
    }

    /**
     * A verified token names this key: if it was never seen published (the realm has just added it), the key
     * set is read again soon, so that its withdrawal, later, is noticed too.
     */
    public void noticed(String kid) {
        if (reader == null || kid == null || history.seen(kid) || !readPending.compareAndSet(false, true)) {
            return;
        }
        long wait = lastReadNanos + config.unknownKeyReadAtMostEvery().toNanos() - System.nanoTime();
        reader.schedule(() -> {
            readPending.set(false);
            readQuietly();
        }, Math.max(0, wait), TimeUnit.NANOSECONDS);
    }

    /** The keys the latest read found published. */
    public Set<String> published() {
        return history.published();
    }

    /** Reads the key set now; false when it could not be read (the keys last read stay in force). */
    public boolean readNow() {
        return readQuietly();
    }

    private synchronized boolean readQuietly() {
        lastReadNanos = System.nanoTime();
        try {
            List<String> kids = read();
            Set<String> before = history.published();
            history.published(kids);
            registry.counter("jixiao.signing.keys.reads", "result", "ok").increment();
            if (failing) {
                LOG.infof("the realm's signing keys are readable again");
                failing = false;
            }
            if (!before.equals(history.published())) {
                Set<String> withdrawn = new TreeSet<>(before);
                withdrawn.removeAll(history.published());
                LOG.infof("the realm publishes signing keys %s%s", new TreeSet<>(history.published()),
                        withdrawn.isEmpty() ? "" : "; withdrawn, their tokens now refused: " + withdrawn);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            registry.counter("jixiao.signing.keys.reads", "result", "failed").increment();
            if (!failing) {
                LOG.warnf("could not read the realm's signing keys (%s); the keys read before stay in force", e.toString());
                failing = true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<String> read() throws IOException, InterruptedException {
        if (keySet == null) {
            JsonNode discovery = get(URI.create(authServerUrl.get().replaceAll("/+$", "") + "/.well-known/openid-configuration"));
            String jwksUri = discovery.path("jwks_uri").asText(null);
            if (jwksUri == null) {
                throw new IOException("the discovery document names no jwks_uri");
            }
            keySet = URI.create(jwksUri);
        }
        List<String> kids = new ArrayList<>();
        for (JsonNode key : get(keySet).path("keys")) {
            String kid = key.path("kid").asText(null);
            if (kid != null) {
                kids.add(kid);
            }
        }
        return kids;
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(config.readTimeout())
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    /** The {@code kid} in a JWT's header, or null when it has none or is not a JWT. */
    static String keyId(String token, ObjectMapper json) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            byte[] header = Base64.getUrlDecoder().decode(token.substring(0, dot));
            JsonNode kid = json.readTree(new String(header, StandardCharsets.UTF_8)).get("kid");
            return kid == null || !kid.isTextual() ? null : kid.asText();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
