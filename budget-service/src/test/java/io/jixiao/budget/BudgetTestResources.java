package io.jixiao.budget;

import java.util.Map;

import io.jixiao.events.Topics;
import io.jixiao.infra.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * What every test of this module runs against, started once for all of them (one application
 * start): a fresh PostgreSQL database, a real Kafka broker, and the in-process OIDC server that
 * signs real tokens.
 */
@QuarkusTestResource(value = BudgetTestResources.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
public class BudgetTestResources implements QuarkusTestResourceLifecycleManager {

    private static TestInfrastructure infrastructure;

    public static TestInfrastructure infrastructure() {
        return infrastructure;
    }

    @Override
    public Map<String, String> start() {
        infrastructure = TestInfrastructure.start("budget_test");
        infrastructure.createTopics(Map.of(Topics.BUDGET_EVENTS, 3));
        return Map.of(
                "quarkus.datasource.jdbc.url", infrastructure.jdbcUrl(),
                "quarkus.datasource.username", infrastructure.dbUser(),
                "quarkus.datasource.password", infrastructure.dbPassword(),
                "kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers());
    }

    @Override
    public void stop() {
        if (infrastructure != null) {
            infrastructure.close();
        }
    }
}
