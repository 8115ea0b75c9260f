package io.jixiao.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the tests and the local stack use: by default the machine's own
 * (127.0.0.1:5432, user postgres); {@code JIXIAO_PG_HOST}, {@code JIXIAO_PG_PORT},
 * {@code JIXIAO_PG_USER} and {@code JIXIAO_PG_PASSWORD} point elsewhere.
 */
public record PostgresServer(String host, int port, String user, String password) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public static PostgresServer fromEnvironment() {
        return new PostgresServer(
                env("JIXIAO_PG_HOST", "127.0.0.1"),
                Integer.parseInt(env("JIXIAO_PG_PORT", "5432")),
                env("JIXIAO_PG_USER", "postgres"),
                env("JIXIAO_PG_PASSWORD", ""));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Fails with one sentence that says what to start when the server cannot be reached. */
    public void requireReachable() {
        try (Connection ignored = connect("postgres")) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException(unreachableMessage(e));
        }
    }

    /**
     * A new, empty database named {@code prefix_<time>_<random>}, and its runtime role {@code <name>_app} (what the
     * service runs as; the server's user owns the database and migrates it), both dropped by
     * {@link TemporaryDatabase#close()}.
     */
    public TemporaryDatabase createTemporaryDatabase(String prefix) {
        String name = prefix + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        createDatabase(name);
        ensureRuntimeRole(name + "_app", TemporaryDatabase.RUNTIME_PASSWORD);
        return new TemporaryDatabase(this, name);
    }

    /** A login role a service runs as (its privileges are granted by the service's migrations); kept if it exists. */
    public void ensureRuntimeRole(String role, String password) {
        requireValidName(role);
        try (Connection c = connect("postgres");
                var st = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            st.setString(1, role);
            if (!st.executeQuery().next()) {
                execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(unreachableMessage(e));
        }
    }

    void dropRole(String role) {
        execute("DROP ROLE IF EXISTS " + requireValidName(role));
    }

    /** Creates the database unless it exists (the local stack's re-runs keep their data). */
    public void ensureDatabase(String name) {
        requireValidName(name);
        try (Connection c = connect("postgres");
                var st = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            st.setString(1, name);
            if (!st.executeQuery().next()) {
                createDatabase(name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(unreachableMessage(e));
        }
    }

    void createDatabase(String name) {
        execute("CREATE DATABASE " + requireValidName(name));
    }

    /**
     * What the given databases' users see of a restart or a failover, without touching the server's other
     * databases: every session on them ended, and new connections refused for {@code away}, then allowed again.
     * Returns how many sessions were ended.
     */
    public int outage(List<String> databases, Duration away) {
        int ended = 0;
        try {
            for (String name : databases) {
                execute("ALTER DATABASE " + requireValidName(name) + " ALLOW_CONNECTIONS false");
            }
            try (Connection c = connect("postgres");
                    var st = c.prepareStatement("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                            + " where datname = any(?) and pid <> pg_backend_pid()")) {
                st.setArray(1, c.createArrayOf("text", databases.toArray()));
                var rs = st.executeQuery();
                rs.next();
                ended = rs.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException("could not end the sessions on " + databases + ": " + e.getMessage(), e);
            }
            Thread.sleep(away.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (String name : databases) {
                execute("ALTER DATABASE " + requireValidName(name) + " ALLOW_CONNECTIONS true");
            }
        }
        return ended;
    }

    void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + requireValidName(name) + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw new IllegalStateException(unreachableMessage(e));
            }
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    private String unreachableMessage(SQLException e) {
        return "PostgreSQL is not reachable at " + host + ":" + port + " as user " + user + " (" + e.getMessage()
                + "). Start it (Debian: pg_ctlcluster 15 main start), or point JIXIAO_PG_HOST/JIXIAO_PG_PORT/"
                + "JIXIAO_PG_USER/JIXIAO_PG_PASSWORD at a running server, or run the tests with "
                + "-Djixiao.test.infra=containers where Docker is available.";
    }

    private static String requireValidName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        return name;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
