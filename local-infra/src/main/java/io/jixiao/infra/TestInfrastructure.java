package io.jixiao.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * What a service's tests need that the JVM cannot provide itself: a PostgreSQL database of its own (owned by
 * {@link #dbUser()}, the service running as {@link #runtimeUser()}) and a real Kafka broker. Started once per test JVM and shared by all its tests.
 *
 * <p>By default the machine's PostgreSQL and a broker process from the Maven Central jars; where a
 * Docker engine answers (or {@code -Djixiao.test.infra=containers} / {@code JIXIAO_TEST_INFRA=containers}),
 * Testcontainers instead.
 */
public interface TestInfrastructure extends AutoCloseable {

    String jdbcUrl();

    String dbUser();

    String dbPassword();

    /** The role the service runs as; {@link #dbUser()} owns the database and runs the migrations. */
    String runtimeUser();

    String runtimePassword();

    String kafkaBootstrapServers();

    /** Takes the broker away and brings it back, for outage tests. */
    BrokerControl broker();

    void createTopics(Map<String, Integer> partitionsByTopic);

    /**
     * Ends every other session on the test database, as a PostgreSQL restart or failover does to the
     * connections a service holds in its pool. Returns how many it ended.
     */
    default int dropDatabaseSessions() {
        try (Connection admin = DriverManager.getConnection(jdbcUrl(), dbUser(), dbPassword());
                ResultSet ended = admin.createStatement().executeQuery("""
                        select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid()""")) {
            ended.next();
            return ended.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not end the test database's sessions", e);
        }
    }

    @Override
    void close();

    static TestInfrastructure start(String databasePrefix) {
        return switch (InfraMode.detect()) {
            case LOCAL -> LocalInfrastructure.start(databasePrefix);
            case CONTAINERS -> ContainerInfrastructure.start();
        };
    }

    static Path scratchDirectory(String prefix) {
        try {
            Path base = Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(base, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
