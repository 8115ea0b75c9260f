package io.jixiao.common.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jixiao.common.jdbc.SqlArrays;

/**
 * {@link IdempotentWrites}' rules for a writer that handles a group of keyed requests in its own set-based SQL
 * (budget-service's group commit), each step one statement whatever the group's size: {@link #CLAIM} the keys
 * (the first request of a key claims it), {@link #STORED} read the answers stored for keys used before, then,
 * in the same transaction as the effects, {@link #STORE_ANSWERS} of the requests that ran and {@link #RELEASE}
 * the claims of refused ones (a refused write stores nothing, so its retry runs again). Only service-common
 * knows the table.
 */
public final class IdempotencyBatch {

    /** A request's key, scoped to its caller, with the request's fingerprint ({@link IdempotentWrites#fingerprint}). */
    public record Claim(String caller, String key, String fingerprint) {
        public String id() {
            return keyId(caller, key);
        }
    }

    /** The answer a request got, stored with its key. */
    public record Answer(String caller, String key, int status, String body, String location) {
    }

    /** An answer stored earlier, with the fingerprint of the request that got it. */
    public record Stored(String fingerprint, int status, String body, String location) {
    }

    /** Three array parameters ({@link #bindClaims}); returns the claimed (caller, key) pairs ({@link #claimed}). */
    public static final String CLAIM = """
            insert into idempotency_record (caller, idempotency_key, request_hash, created_at)
              select k.caller, k.key, k.hash, now() from unnest(?::text[], ?::text[], ?::text[]) as k(caller, key, hash)
              on conflict do nothing returning caller, idempotency_key""";

    /** Two array parameters ({@link #bindKeys}); returns the answers stored for those keys ({@link #stored}). */
    public static final String STORED = """
            select r.caller, r.idempotency_key, r.request_hash, r.response_status, r.response_body, r.location
              from idempotency_record r join unnest(?::text[], ?::text[]) as k(caller, key)
                on r.caller = k.caller and r.idempotency_key = k.key
              where r.response_status is not null""";

    /** Five array parameters ({@link #bindAnswers}). */
    public static final String STORE_ANSWERS = """
            update idempotency_record r set response_status = k.status::integer, response_body = k.body, location = k.location
              from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as k(caller, key, status, body, location)
              where r.caller = k.caller and r.idempotency_key = k.key""";

    /** Two array parameters ({@link #bindKeys}). */
    public static final String RELEASE = """
            delete from idempotency_record r using unnest(?::text[], ?::text[]) as k(caller, key)
              where r.caller = k.caller and r.idempotency_key = k.key""";

    public static int bindClaims(PreparedStatement st, int p, List<Claim> claims) throws SQLException {
        Connection c = st.getConnection();
        st.setArray(p++, SqlArrays.text(c, claims, Claim::caller));
        st.setArray(p++, SqlArrays.text(c, claims, Claim::key));
        st.setArray(p++, SqlArrays.text(c, claims, Claim::fingerprint));
        return p;
    }

    public static int bindKeys(PreparedStatement st, int p, List<Claim> keys) throws SQLException {
        Connection c = st.getConnection();
        st.setArray(p++, SqlArrays.text(c, keys, Claim::caller));
        st.setArray(p++, SqlArrays.text(c, keys, Claim::key));
        return p;
    }

    public static int bindAnswers(PreparedStatement st, int p, List<Answer> answers) throws SQLException {
        Connection c = st.getConnection();
        st.setArray(p++, SqlArrays.text(c, answers, Answer::caller));
        st.setArray(p++, SqlArrays.text(c, answers, Answer::key));
        st.setArray(p++, SqlArrays.text(c, answers, Answer::status));
        st.setArray(p++, SqlArrays.text(c, answers, Answer::body));
        st.setArray(p++, SqlArrays.text(c, answers, Answer::location));
        return p;
    }

    /** Runs {@link #CLAIM} for the group; returns the ids of the keys it claimed. */
    public static Set<String> claim(Connection c, List<Claim> claims) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(CLAIM)) {
            bindClaims(st, 1, claims);
            try (ResultSet rs = st.executeQuery()) {
                return claimed(rs);
            }
        }
    }

    /** Runs {@link #STORED} for the keys; returns the answers stored for them, by key id. */
    public static Map<String, Stored> stored(Connection c, List<Claim> keys) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(STORED)) {
            bindKeys(st, 1, keys);
            try (ResultSet rs = st.executeQuery()) {
                return stored(rs);
            }
        }
    }

    /** Runs {@link #STORE_ANSWERS}. */
    public static void storeAnswers(Connection c, List<Answer> answers) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(STORE_ANSWERS)) {
            bindAnswers(st, 1, answers);
            st.executeUpdate();
        }
    }

    /** {@link #CLAIM}'s result: the ids ({@link Claim#id()}) of the keys this group claimed. */
    public static Set<String> claimed(ResultSet rs) throws SQLException {
        Set<String> claimed = new HashSet<>();
        while (rs.next()) {
            claimed.add(keyId(rs.getString(1), rs.getString(2)));
        }
        return claimed;
    }

    /** {@link #STORED}'s result, by key id. */
    public static Map<String, Stored> stored(ResultSet rs) throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        while (rs.next()) {
            stored.put(keyId(rs.getString(1), rs.getString(2)),
                    new Stored(rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)));
        }
        return stored;
    }

    private static String keyId(String caller, String key) {
        return caller + "\n" + key;
    }

    private IdempotencyBatch() {
    }
}
