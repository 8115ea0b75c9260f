package io.jixiao.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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

    /** A new, empty database named {@code prefix_<time>_<random>}, dropped by {@link TemporaryDatabase#close()}. */
    public TemporaryDatabase createTemporaryDatabase(String prefix) {
        String name = prefix + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        createDatabase(name);
        return new TemporaryDatabase(this, name);
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
