package io.jixiao.common.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.common.problem.ProblemException;
import io.jixiao.common.security.Caller;

/**
 * {@code Idempotency-Key} for every write marked {@link Idempotent}: the first request with a key runs and its
 * response is stored in the same transaction as its effect; a retry with the same key and the same body gets
 * that response back without running again; the same key with a different body is refused with 422. Keys are
 * scoped to the caller. A refused write stores nothing, so its retry runs again.
 *
 * <p>Two racing requests with one key serialise on the key's row: the second waits for the first to
 * commit, then replays its response. (A key is claimed while the first runs; the claim's insert waits for that
 * transaction, so a key whose row is seen always has its answer.)
 */
@ApplicationScoped
public class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    /** What a write produced: its status, the created resource's location, and the body. */
    public record WriteResult(int status, URI location, Object body) {
        public static WriteResult of(Response response) {
            return new WriteResult(response.getStatus(), response.getLocation(), response.getEntity());
        }
    }

    @Transactional
    public Response run(String key, String operation, Object request, Supplier<WriteResult> write) {
        requireKey(key);
        IdempotencyBatch.Claim claim = new IdempotencyBatch.Claim(caller.subject(), key, fingerprint(operation, request));
        // the group commit's statements, for a group of one: the table's SQL lives in IdempotencyBatch only
        Session session = em.unwrap(Session.class);
        if (!session.doReturningWork(c -> IdempotencyBatch.claim(c, List.of(claim))).contains(claim.id())) {
            IdempotencyBatch.Stored stored = session.doReturningWork(c -> IdempotencyBatch.stored(c, List.of(claim)))
                    .get(claim.id());
            requireSameRequest(key, claim.fingerprint(), stored.fingerprint());
            return replayed(stored.status(), stored.body(), stored.location());
        }
        WriteResult outcome = write.get();
        // the write's own statements first, so that a constraint it breaks is refused here, as the write's failure
        em.flush();
        IdempotencyBatch.Answer answer = new IdempotencyBatch.Answer(claim.caller(), key, outcome.status(),
                serialise(outcome.body()), outcome.location() == null ? null : outcome.location().toString());
        session.doWork(c -> IdempotencyBatch.storeAnswers(c, List.of(answer)));
        return toResponse(outcome);
    }

    /** A key may only be used again for the same request: anything else is refused with 422. */
    public static void requireSameRequest(String key, String fingerprint, String storedFingerprint) {
        if (!fingerprint.equals(storedFingerprint)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "Idempotency-Key '" + key + "' was already used with a different request",
                    java.util.Map.of("field", HEADER));
        }
    }

    /** The response stored with a key, sent again. */
    public static Response replayed(int status, String body, String location) {
        Response.ResponseBuilder response = Response.status(status)
                .entity(body)
                .type(MediaType.APPLICATION_JSON)
                .header(REPLAYED_HEADER, "true");
        if (location != null) {
            response.location(URI.create(location));
        }
        return response.build();
    }

    /** A write that may be retried names its key; a key is 1-200 visible ASCII characters. */
    public static void requireKey(String key) {
        if (key == null) {
            throw ProblemException.invalidField(HEADER, "is required on this write: a key of the client's choosing"
                    + " (1-200 visible ASCII characters, a UUID for instance), the same on every retry of it, so that a"
                    + " retry after a timeout is recorded once");
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "must be 1-200 visible ASCII characters");
        }
    }

    private static Response toResponse(WriteResult outcome) {
        Response.ResponseBuilder response = Response.status(outcome.status()).entity(outcome.body());
        if (outcome.location() != null) {
            response.location(outcome.location());
        }
        return response.build();
    }

    /** What makes two requests with one key the same request: the operation and the body. */
    public String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(serialise(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String serialise(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }
}
