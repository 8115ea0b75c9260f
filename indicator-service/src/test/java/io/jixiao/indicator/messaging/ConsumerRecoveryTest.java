package io.jixiao.indicator.messaging;

import static io.jixiao.indicator.Api.as;
import static io.jixiao.indicator.Api.newDepartmentCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.jixiao.events.Topics;
import io.jixiao.indicator.IndicatorTestResources;
import io.jixiao.infra.BrokerControl;
import io.jixiao.infra.BudgetEventsFeed;
import io.jixiao.infra.TestInfrastructure;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The consumer rides out a broker that fails it for a while, and resumes on its own. The test profile's
 * consumer API timeout is 2 s; the broker link holds the chosen requests for 3 s, so every call of that kind
 * times out while the requests the client retries by itself still get through.
 */
@QuarkusTest
class ConsumerRecoveryTest {

    private static final Duration HOLD = Duration.ofSeconds(3);

    @Test
    void aRebalanceWhileTheBrokerIsSlowToGiveCommittedOffsetsDoesNotStopTheConsumer() {
        whileTheBrokerHolds(() -> rebalance(IndicatorTestResources.infrastructure()), BrokerControl.OFFSET_FETCH);
    }

    @Test
    void commitsThatTimeOutDoNotStopTheConsumer() {
        whileTheBrokerHolds(() -> { }, BrokerControl.OFFSET_COMMIT);
    }

    @Test
    void aBrokerStalledForLongerThanTheSessionTimeoutIsRiddenOut() {
        TestInfrastructure infra = IndicatorTestResources.infrastructure();
        String department = newDepartmentCode();
        try (BudgetEventsFeed feed = new BudgetEventsFeed(infra.kafkaBootstrapServers())) {
            awaitKnown(department, List.of(register(feed, department, "停顿之前")), Duration.ofSeconds(30));
            infra.broker().pause();
            try {
                sleep(Duration.ofSeconds(12));
            } finally {
                infra.broker().resume();
            }
            List<UUID> after = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                after.add(register(feed, department, "停顿之后 " + i));
            }
            awaitKnown(department, after, Duration.ofSeconds(60));
        }
    }

    /**
     * ProjectAccess registered while the broker holds requests of these kinds, after {@code disturbance}; each must
     * reach the service once the broker answers promptly again.
     */
    private static void whileTheBrokerHolds(Runnable disturbance, short... kinds) {
        TestInfrastructure infra = IndicatorTestResources.infrastructure();
        String department = newDepartmentCode();
        try (BudgetEventsFeed feed = new BudgetEventsFeed(infra.kafkaBootstrapServers())) {
            awaitKnown(department, List.of(register(feed, department, "之前")), Duration.ofSeconds(30));
            List<UUID> during = new ArrayList<>();
            infra.broker().holdRequests(HOLD, kinds);
            try {
                disturbance.run();
                // a project on every partition, each the first record its partition brings after the disturbance
                for (int i = 0; i < 6; i++) {
                    during.add(register(feed, department, "期间 " + i));
                }
                sleep(Duration.ofSeconds(15));
            } finally {
                infra.broker().releaseRequests();
            }
            UUID after = register(feed, department, "之后");
            during.add(after);
            awaitKnown(department, during, Duration.ofSeconds(60));
        }
    }

    private static UUID register(BudgetEventsFeed feed, String department, String name) {
        return feed.registerProject(department, name, Map.of("本年预算", "1000.00")).id();
    }

    /** A second member joins the service's consumer group and leaves: two rebalances. */
    private static void rebalance(TestInfrastructure infra) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "indicator-service");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> member = new KafkaConsumer<>(p)) {
            member.subscribe(List.of(Topics.BUDGET_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (member.assignment().isEmpty() && System.nanoTime() < deadline) {
                member.poll(Duration.ofMillis(500));
            }
        }
    }

    private static void awaitKnown(String department, List<UUID> projects, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> as(TestTokens.reviewer())
                .get("/api/departments/" + department + "/years/2023/ledger").then().statusCode(200).extract().jsonPath()
                .getList("projectId", String.class).containsAll(projects.stream().map(UUID::toString).toList()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
