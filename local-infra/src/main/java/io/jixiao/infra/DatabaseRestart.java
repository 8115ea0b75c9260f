package io.jixiao.infra;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * What a PostgreSQL restart (or failover) does to a running service: every connection in its pool is
 * ended under it. For tests that the service's next requests still succeed.
 */
public final class DatabaseRestart {

    /** As many connections as a service in use keeps in its pool. */
    private static final int POOLED = 10;

    /**
     * Longer than the services' {@code quarkus.datasource.jdbc.foreground-validation-interval} (1 s):
     * a restart takes at least that long, so the pool counts the dead connections as idle.
     */
    private static final long RESTART_MILLIS = 1_500;

    /**
     * Fills the pool with idle connections, ends every session on the test database as a restart does,
     * and waits as long as a restart takes. Returns how many sessions were ended.
     */
    public static int endPooledConnections(TestInfrastructure infrastructure, DataSource pool)
            throws SQLException, InterruptedException {
        int ended = endConnectionsJustUsed(infrastructure, pool);
        Thread.sleep(RESTART_MILLIS);
        return ended;
    }

    /**
     * Fills the pool, then at once ends every session on the test database: the connections were used
     * a moment ago, so the pool hands them out without checking them, as it does with the connections
     * that were busy when the database went down. Returns how many sessions were ended.
     */
    public static int endConnectionsJustUsed(TestInfrastructure infrastructure, DataSource pool)
            throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < POOLED; i++) {
                held.add(pool.getConnection());
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        int ended = infrastructure.dropDatabaseSessions();
        if (ended < POOLED) {
            throw new IllegalStateException("only " + ended + " sessions ended: the pool did not hold its connections");
        }
        return ended;
    }

    private DatabaseRestart() {
    }
}
