package io.jixiao.infra;

import java.time.Duration;
import java.util.Map;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL and Kafka in containers, for machines with Docker and no PostgreSQL of their own. */
final class ContainerInfrastructure implements TestInfrastructure {

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;

    private ContainerInfrastructure(PostgreSQLContainer postgres, KafkaContainer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    private static final String RUNTIME_USER = "service_app";

    static ContainerInfrastructure start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15-alpine");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        postgres.start();
        kafka.start();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword()); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + RUNTIME_USER + " LOGIN PASSWORD '" + TemporaryDatabase.RUNTIME_PASSWORD + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create the runtime role", e);
        }
        return new ContainerInfrastructure(postgres, kafka);
    }

    @Override
    public String runtimeUser() {
        return RUNTIME_USER;
    }

    @Override
    public String runtimePassword() {
        return TemporaryDatabase.RUNTIME_PASSWORD;
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl();
    }

    @Override
    public String dbUser() {
        return postgres.getUsername();
    }

    @Override
    public String dbPassword() {
        return postgres.getPassword();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    /** A paused container is a broker that stops answering; unpausing keeps its port mapping. */
    @Override
    public BrokerControl broker() {
        return new BrokerControl() {
            @Override
            public void stop() {
                DockerClientFactory.instance().client().pauseContainerCmd(kafka.getContainerId()).exec();
            }

            @Override
            public void start() {
                DockerClientFactory.instance().client().unpauseContainerCmd(kafka.getContainerId()).exec();
            }

            @Override
            public void pause() {
                stop();
            }

            @Override
            public void resume() {
                start();
            }

            @Override
            public void holdRequests(Duration hold, short... apiKeys) {
                throw new UnsupportedOperationException("holding the broker's requests needs the local broker and its"
                        + " link (-Djixiao.test.infra=local)");
            }

            @Override
            public void releaseRequests() {
            }
        };
    }

    @Override
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        KafkaBroker.createTopics(kafka.getBootstrapServers(), partitionsByTopic);
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }
}
