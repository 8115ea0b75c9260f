package io.jixiao.infra;

import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Plugs {@link TestInfrastructure} into a service's {@code @QuarkusTest}s: a database of its own
 * (init arg {@code database}: the name prefix) and a broker with the topics it needs (init arg
 * {@code topics}: {@code name:partitions,...}), started once for all the tests of a module.
 */
public class ServiceTestResource implements QuarkusTestResourceLifecycleManager {

    private static TestInfrastructure infrastructure;

    private String database = "service_test";
    private final Map<String, Integer> topics = new LinkedHashMap<>();

    /** The running infrastructure, for tests that read topics or take the broker away. */
    public static TestInfrastructure infrastructure() {
        return infrastructure;
    }

    @Override
    public void init(Map<String, String> args) {
        database = args.getOrDefault("database", database);
        for (String topic : args.getOrDefault("topics", "").split(",")) {
            if (!topic.isBlank()) {
                String[] parts = topic.trim().split(":");
                topics.put(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
            }
        }
    }

    @Override
    public Map<String, String> start() {
        infrastructure = TestInfrastructure.start(database);
        infrastructure.createTopics(topics);
        // the service runs as its runtime role, its migrations as the database's owner, as in production
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", infrastructure.jdbcUrl(),
                "quarkus.datasource.username", infrastructure.runtimeUser(),
                "quarkus.datasource.password", infrastructure.runtimePassword(),
                "quarkus.flyway.username", infrastructure.dbUser(),
                "kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers()));
        // an empty password would make Quarkus run the migrations as the runtime role: keep the service's default
        if (!infrastructure.dbPassword().isEmpty()) {
            config.put("quarkus.flyway.password", infrastructure.dbPassword());
        }
        return config;
    }

    @Override
    public void stop() {
        if (infrastructure != null) {
            infrastructure.close();
            infrastructure = null;
        }
    }
}
