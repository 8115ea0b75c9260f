package io.jixiao.common.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
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
 * commit, then replays its response.
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
        String fingerprint = fingerprint(operation, request);
        int claimed = em.createNativeQuery("""
                insert into idempotency_record (caller, idempotency_key, request_hash, created_at)
                values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, caller.subject())
                .setParameter(2, key)
                .setParameter(3, fingerprint)
                .setParameter(4, OffsetDateTime.now())
                .executeUpdate();
        if (claimed == 0) {
            return replay(key, fingerprint);
        }
        WriteResult outcome = write.get();
        em.createNativeQuery("""
                update idempotency_record set response_status = ?1, response_body = ?2, location = ?3
                where caller = ?4 and idempotency_key = ?5""")
                .setParameter(1, outcome.status())
                .setParameter(2, serialise(outcome.body()))
                .setParameter(3, outcome.location() == null ? null : outcome.location().toString())
                .setParameter(4, caller.subject())
                .setParameter(5, key)
                .executeUpdate();
        return toResponse(outcome);
    }

    private Response replay(String key, String fingerprint) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select request_hash, response_status, response_body, location from idempotency_record
                where caller = ?1 and idempotency_key = ?2""")
                .setParameter(1, caller.subject())
                .setParameter(2, key)
                .getResultList();
        Object[] row = rows.get(0);
        requireSameRequest(key, fingerprint, (String) row[0]);
        return replayed((Integer) row[1], (String) row[2], (String) row[3]);
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
