package io.jixiao.common.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import io.jixiao.common.jdbc.SqlArrays;

/**
 * The outbox for a writer that writes a group of rows in its own set-based SQL (budget-service's group commit):
 * {@link #INSERT} appends all the group's events in one statement, in their order, inside the writer's
 * transaction; the events come from {@link OutboxWriter#prepare} (checked against their schemas) and, once the
 * transaction has committed, the writer calls {@link OutboxWriter#committed()}. Only service-common knows the
 * outbox's table.
 */
public final class OutboxBatch {

    /** Six array parameters, bound by {@link #bind}. */
    public static final String INSERT = """
            insert into outbox_event (event_id, event_type, subject, partition_key, payload, occurred_at)
              select o.event_id::uuid, o.event_type, o.subject, o.partition_key, o.payload, o.occurred_at::timestamptz
              from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                as o(event_id, event_type, subject, partition_key, payload, occurred_at, n)
              order by o.n""";

    /** Binds {@link #INSERT}'s parameters from position {@code p}; returns the next position. */
    public static int bind(PreparedStatement st, int p, List<OutboxEvent> events) throws SQLException {
        Connection c = st.getConnection();
        st.setArray(p++, SqlArrays.text(c, events, e -> e.eventId));
        st.setArray(p++, SqlArrays.text(c, events, e -> e.eventType));
        st.setArray(p++, SqlArrays.text(c, events, e -> e.subject));
        st.setArray(p++, SqlArrays.text(c, events, e -> e.partitionKey));
        st.setArray(p++, SqlArrays.text(c, events, e -> e.payload));
        st.setArray(p++, SqlArrays.text(c, events, e -> e.occurredAt));
        return p;
    }

    private OutboxBatch() {
    }
}
