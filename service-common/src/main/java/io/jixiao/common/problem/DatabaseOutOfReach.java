package io.jixiao.common.problem;

import java.sql.SQLException;

/**
 * Whether a failure means the database could not be reached, as opposed to a statement it refused. The
 * first is passing (a restart, a failover, a pool with no free connection) and the request may simply be
 * sent again; the second is a fault to investigate.
 */
public final class DatabaseOutOfReach {

    /**
     * SQLSTATE classes and codes of a lost or refused connection: 08 connection exception (pgjdbc's "This
     * connection has been closed" is 08003), 53 insufficient resources (too many connections), 57P01–57P03
     * the server shutting down, crashed or still starting.
     */
    private static boolean outOfReach(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53")
                || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }

    /** Agroal's message when no connection came free within the acquisition timeout. */
    private static final String POOL_EXHAUSTED = "acquisition timeout";

    public static boolean causedBy(Throwable failure) {
        return cause(failure) != null;
    }

    /** The SQLException that says so, for the log line. */
    static String describe(Throwable failure) {
        SQLException cause = cause(failure);
        return cause == null ? String.valueOf(failure) : "SQLState " + cause.getSQLState() + ": " + cause.getMessage();
    }

    private static SQLException cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                if (outOfReach(sql.getSQLState())
                        || (sql.getMessage() != null && sql.getMessage().contains(POOL_EXHAUSTED))) {
                    return sql;
                }
            }
        }
        return null;
    }

    private DatabaseOutOfReach() {
    }
}
