package io.jixiao.infra;

import java.util.Map;

/** The machine's PostgreSQL (a fresh database, dropped at the end) and a broker process of our own. */
final class LocalInfrastructure implements TestInfrastructure {

    private final PostgresServer server;
    private final TemporaryDatabase database;
    private final KafkaBroker broker;

    private LocalInfrastructure(PostgresServer server, TemporaryDatabase database, KafkaBroker broker) {
        this.server = server;
        this.database = database;
        this.broker = broker;
    }

    static LocalInfrastructure start(String databasePrefix) {
        PostgresServer server = PostgresServer.fromEnvironment();
        server.requireReachable();
        TemporaryDatabase database = server.createTemporaryDatabase(databasePrefix);
        try {
            KafkaBroker broker = KafkaBroker.startFresh(TestInfrastructure.scratchDirectory("jixiao-kafka-"));
            return new LocalInfrastructure(server, database, broker);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    @Override
    public String dbUser() {
        return server.user();
    }

    @Override
    public String dbPassword() {
        return server.password();
    }

    @Override
    public String runtimeUser() {
        return database.runtimeUser();
    }

    @Override
    public String runtimePassword() {
        return database.runtimePassword();
    }

    @Override
    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public BrokerControl broker() {
        return broker;
    }

    @Override
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        broker.createTopics(partitionsByTopic);
    }

    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            database.close();
        }
    }
}
