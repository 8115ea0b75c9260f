package io.jixiao.budget.messaging;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static io.jixiao.budget.Fixtures.spend;
import static io.jixiao.infra.TopicReader.header;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.jixiao.budget.BudgetTestResources;
import io.jixiao.budget.Fixtures;
import io.jixiao.events.CloudEventHeaders;
import io.jixiao.events.EventSchemas;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Topics;
import io.jixiao.infra.TestTokens;
import io.jixiao.infra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.jixiao.common.outbox.OutboxPublisher;
import io.jixiao.common.outbox.OutboxPurge;
import io.jixiao.common.outbox.OutboxRelay;

/** The transactional outbox and its relay, against the real broker. */
@QuarkusTest
class OutboxPublishingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource db;

    @Inject
    OutboxPublisher publisher;

    @Inject
    OutboxPurge purge;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyLedgerWriteIsPublishedAsACloudEventThatMeetsItsSchema() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "12345.67");
        String arrival = arrive(project, "12345.67").statusCode(201).extract().path("id");
        spend(dept, project, "2345.67").statusCode(201);

        try (TopicReader topic = new TopicReader(BudgetTestResources.infrastructure().kafkaBootstrapServers(), Topics.BUDGET_EVENTS)) {
            List<ConsumerRecord<String, String>> records = topic.awaitRecords(project, 3, WAIT);
            assertEquals(List.of(EventTypes.PROJECT_REGISTERED, EventTypes.FUNDS_ARRIVED, EventTypes.FUNDS_SPENT),
                    records.stream().map(r -> header(r, CloudEventHeaders.TYPE)).toList());
            Set<String> ids = new HashSet<>();
            for (ConsumerRecord<String, String> r : records) {
                assertEquals("1.0", header(r, CloudEventHeaders.SPEC_VERSION));
                assertEquals("/jixiao/budget-service", header(r, CloudEventHeaders.SOURCE));
                assertEquals("project/" + project, header(r, CloudEventHeaders.SUBJECT));
                assertEquals("application/json", header(r, CloudEventHeaders.CONTENT_TYPE));
                assertTrue(header(r, CloudEventHeaders.TIME).endsWith("Z"));
                assertTrue(ids.add(header(r, CloudEventHeaders.ID)), "event ids are unique");
                JsonNode payload = json.readTree(r.value());
                assertEquals(List.of(), EventSchemas.instance().violations(header(r, CloudEventHeaders.TYPE), payload));
                assertEquals(dept, payload.get("departmentCode").asText());
                assertEquals(2023, payload.get("fiscalYear").asInt());
            }
            JsonNode arrived = json.readTree(records.get(1).value());
            assertEquals(arrival, arrived.get("entryId").asText());
            assertEquals("12345.67", arrived.get("amount").asText());
            assertEquals("2023-03-01", arrived.get("businessDate").asText());
            assertEquals("service-account-finance-portal", arrived.at("/actor/subject").asText());
            JsonNode spent = json.readTree(records.get(2).value());
            assertEquals("2345.67", spent.get("amount").asText());
            assertEquals("2345.67", spent.at("/projectTotals/spent").asText());
            assertEquals(dept, spent.at("/actor/department").asText());
        }
    }

    @Test
    void aRefusedWritePublishesNothing() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "1000.00");
        arrive(project, "500.00").statusCode(201);
        spend(dept, project, "500.01").statusCode(409);
        arrive(project, "1000.00").statusCode(409);

        try (TopicReader topic = new TopicReader(BudgetTestResources.infrastructure().kafkaBootstrapServers(), Topics.BUDGET_EVENTS)) {
            topic.awaitRecords(project, 2, WAIT);
            List<ConsumerRecord<String, String>> records = topic.drain(project, Duration.ofSeconds(2));
            assertEquals(List.of(EventTypes.PROJECT_REGISTERED, EventTypes.FUNDS_ARRIVED),
                    records.stream().map(r -> header(r, CloudEventHeaders.TYPE)).toList());
        }
        assertEquals(2, outboxRows(project));
    }

    @Test
    void writesDuringABrokerOutageArePublishedInOrderWhenItReturns() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "9000.00");
        arrive(project, "9000.00").statusCode(201);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> unpublishedRows(project) == 0);

        List<String> spentDuringOutage = new ArrayList<>();
        BudgetTestResources.infrastructure().broker().stop();
        try {
            // the ledger keeps working: each write commits with its event waiting in the outbox
            for (String amount : List.of("1000.00", "2000.00", "3000.00")) {
                spentDuringOutage.add(spend(dept, project, amount).statusCode(201).extract().path("id"));
            }
            assertEquals(3, unpublishedRows(project));
            // and the service stays in its Service: the outage is a detail of the relay's check, not unreadiness
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    RestAssured.given().get("/q/health/ready").then().statusCode(200)
                            .body("checks.find { it.name == 'outbox-relay' }.data.broker",
                                    org.hamcrest.Matchers.startsWith("unreachable since")));
        } finally {
            BudgetTestResources.infrastructure().broker().start();
        }

        try (TopicReader topic = new TopicReader(BudgetTestResources.infrastructure().kafkaBootstrapServers(), Topics.BUDGET_EVENTS)) {
            List<ConsumerRecord<String, String>> records = topic.awaitRecords(project, 5, Duration.ofSeconds(60));
            List<String> spentEntries = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                if (EventTypes.FUNDS_SPENT.equals(header(r, CloudEventHeaders.TYPE))) {
                    spentEntries.add(json.readTree(r.value()).get("entryId").asText());
                }
            }
            assertEquals(spentDuringOutage, spentEntries, "published once each, in commit order");
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(0, unpublishedRows(project));
            RestAssured.given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'outbox-relay' }.data.broker", org.hamcrest.Matchers.equalTo("reachable"));
        });
    }

    @Test
    void whileOneRelayHoldsTheLockNoOtherPublishes() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "100.00");
        // the registration's event goes out first, so that what waits below is the arrival alone
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> unpublishedRows(project) == 0);
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxPublisher.RELAY_LOCK);
                lock.execute();
            }
            // another instance's relay holds the lock: this one stands aside, and the event waits
            arrive(project, "100.00").statusCode(201);
            OutboxPublisher.PassResult pass = publisher.publishBatch();
            assertTrue(pass.lockHeldElsewhere());
            assertEquals(0, pass.published());
            Thread.sleep(500);
            assertEquals(1, unpublishedRows(project));
            holder.rollback();
        }
        try (TopicReader topic = new TopicReader(BudgetTestResources.infrastructure().kafkaBootstrapServers(), Topics.BUDGET_EVENTS)) {
            assertEquals(2, topic.awaitRecords(project, 2, WAIT).size());
        }
    }

    @Test
    void relaysRacingOverTheSameOutboxSendEachEventOnce() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "100000.00");
        arrive(project, "100000.00").statusCode(201);

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService relays = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        try {
            // three extra relays, besides the service's own, contend while the ledger is written
            for (int i = 0; i < 3; i++) {
                running.add(relays.submit(() -> {
                    while (writing.get()) {
                        publisher.publishBatch();
                    }
                }));
            }
            for (int i = 0; i < 60; i++) {
                spend(dept, project, "10.00").statusCode(201);
            }
        } finally {
            writing.set(false);
            for (Future<?> f : running) {
                f.get();
            }
            relays.shutdown();
        }
        assertSentOnceEach(project, 62, "one registration, one arrival, 60 disbursements");
        assertFalse(unpublishedRows(project) > 0);
    }

    @Test
    void anInterruptedRelayGoesOnPublishing() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "500.00");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> unpublishedRows(project) == 0);
        Thread relay = relayThread();
        // interrupted while it waits for a commit, and again while it works through the next ones
        relay.interrupt();
        Thread.sleep(200);
        for (String amount : List.of("100.00", "200.00")) {
            arrive(project, amount).statusCode(201);
            relay.interrupt();
        }

        try (TopicReader topic = new TopicReader(BudgetTestResources.infrastructure().kafkaBootstrapServers(), Topics.BUDGET_EVENTS)) {
            List<ConsumerRecord<String, String>> records = topic.awaitRecords(project, 3, WAIT);
            assertEquals(List.of(EventTypes.PROJECT_REGISTERED, EventTypes.FUNDS_ARRIVED, EventTypes.FUNDS_ARRIVED),
                    records.stream().map(r -> header(r, CloudEventHeaders.TYPE)).toList());
        }
        assertTrue(relay.isAlive(), "the relay thread survives the interrupts");
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            assertEquals(0, unpublishedRows(project));
            RestAssured.given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'outbox-relay' }.data.broker", org.hamcrest.Matchers.equalTo("reachable"));
        });
    }

    /**
     * Interrupts that land while a pass waits for the broker's acknowledgements: what the broker took in
     * the meantime must be marked as published, not sent a second time by the next pass.
     */
    @Test
    void aRelayInterruptedOverAndOverSendsEachEventOnce() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "1000.00");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> unpublishedRows(project) == 0);
        Thread relay = relayThread();
        double interruptsBefore = relayInterruptsCounted();
        AtomicBoolean writing = new AtomicBoolean(true);
        // every 0.2 ms: a pass's wait for its acknowledgements takes milliseconds, so most passes are hit
        Thread interrupter = new Thread(() -> {
            while (writing.get()) {
                relay.interrupt();
                LockSupport.parkNanos(200_000);
            }
        });
        List<LogRecord> interruptWarnings;
        try (RelayWarnings warnings = new RelayWarnings("outbox relay interrupted")) {
            interrupter.start();
            try {
                for (int i = 0; i < 20; i++) {
                    arrive(project, "50.00").statusCode(201);
                }
            } finally {
                writing.set(false);
                interrupter.join();
            }
            interruptWarnings = warnings.seen;
        }
        assertSentOnceEach(project, 21, "the registration and 20 arrivals");
        assertTrue(relay.isAlive(), "the relay thread survives the interrupts");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> unpublishedRows(project) == 0);
        // an operator sees them counted in the metrics, and at most a line a minute in the log
        double interrupts = relayInterruptsCounted() - interruptsBefore;
        assertTrue(interrupts > 10, "the relay noticed the interrupts: " + interrupts);
        assertTrue(interruptWarnings.size() <= 1, interruptWarnings.size() + " warnings for " + interrupts + " interrupts");
    }

    /** The relay's warnings that start with a text, as the log receives them while this is open. */
    private static final class RelayWarnings extends Handler implements AutoCloseable {
        private final java.util.logging.Logger log = java.util.logging.Logger.getLogger(OutboxRelay.class.getName());
        private final String startingWith;
        final List<LogRecord> seen = new CopyOnWriteArrayList<>();

        RelayWarnings(String startingWith) {
            this.startingWith = startingWith;
            log.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()
                    && String.valueOf(record.getMessage()).startsWith(startingWith)) {
                seen.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            log.removeHandler(this);
        }
    }

    /** jixiao_outbox_relay_interrupts_total, as the metrics endpoint shows it. */
    private static double relayInterruptsCounted() {
        return RestAssured.get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("jixiao_outbox_relay_interrupts_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no jixiao_outbox_relay_interrupts_total metric"));
    }

    @Test
    void publishedEventsPastTheirRetentionArePurgedAndTheLedgerKeepsItsEntries() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "100.00");
        arrive(project, "60.00").statusCode(201);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> outboxRows(project) == 2 && unpublishedRows(project) == 0);
        // the project's registration and every event before it were published eight days ago, past the
        // default retention of 7 days; the arrival just now
        long registration = position(project, EventTypes.PROJECT_REGISTERED);
        agePublishedUpTo(registration);

        // the service's own round may come first: either way the aged events go and nothing else
        purge.purge();
        assertEquals(0, rowsUpTo(registration), "the registration and every event before it are deleted");
        assertEquals(1, count("select count(*) from outbox_event where partition_key = ? and event_type = '"
                + EventTypes.FUNDS_ARRIVED + "'", project), "the arrival, published just now, stays");
        assertEquals(0, purge.purge(), "a second round finds nothing");
        Fixtures.as(TestTokens.portal()).get("/api/projects/" + project + "/ledger").then().statusCode(200)
                .body("entries", hasSize(1))
                .body("balance.total.arrived", equalTo("60.00"));
    }

    /**
     * A round stops at the first event it must keep, so that it never reads the whole table: an event past
     * its retention that sits after one published recently (it committed late) waits for a later round.
     */
    @Test
    void aPurgeRoundStopsAtTheFirstEventToKeep() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "100.00");
        arrive(project, "60.00").statusCode(201);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> outboxRows(project) == 2 && unpublishedRows(project) == 0);
        long arrival = position(project, EventTypes.FUNDS_ARRIVED);
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "update outbox_event set published_at = now() - interval '8 days' where position = ?")) {
            st.setLong(1, arrival);
            assertEquals(1, st.executeUpdate());
        }

        purge.purge();
        assertEquals(2, outboxRows(project), "the aged arrival waits behind the registration, published just now");

        agePublishedUpTo(arrival);
        purge.purge();
        assertEquals(0, outboxRows(project), "once the events before it are past their retention too, it goes");
    }

    private long position(String project, String eventType) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "select position from outbox_event where partition_key = ? and event_type = ?")) {
            st.setString(1, project);
            st.setString(2, eventType);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), "no " + eventType + " event in the outbox");
                return rs.getLong(1);
            }
        }
    }

    private long rowsUpTo(long position) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement("select count(*) from outbox_event where position <= ?")) {
            st.setLong(1, position);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every published event up to {@code position} was published eight days ago. */
    private void agePublishedUpTo(long position) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("""
                update outbox_event set published_at = now() - interval '8 days'
                where position <= ? and published_at is not null""")) {
            st.setLong(1, position);
            st.executeUpdate();
        }
    }

    /** The service's own relay thread. */
    private static Thread relayThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("outbox-relay"))
                .findFirst().orElseThrow();
    }

    /** The project's events on the topic: {@code events} distinct ones (what they are), and no record more. */
    private static void assertSentOnceEach(String project, int events, String what) throws Exception {
        try (TopicReader topic = new TopicReader(BudgetTestResources.infrastructure().kafkaBootstrapServers(), Topics.BUDGET_EVENTS)) {
            topic.awaitRecords(project, events, WAIT);
            List<ConsumerRecord<String, String>> records = topic.drain(project, Duration.ofSeconds(2));
            Set<String> ids = new HashSet<>();
            records.forEach(r -> ids.add(header(r, CloudEventHeaders.ID)));
            assertEquals(events, ids.size(), what);
            assertEquals(events, records.size(), "no event sent twice");
        }
    }

    private long outboxRows(String project) throws SQLException {
        return count("select count(*) from outbox_event where partition_key = ?", project);
    }

    private long unpublishedRows(String project) throws SQLException {
        return count("select count(*) from outbox_event where partition_key = ? and published_at is null", project);
    }

    private long count(String sql, String project) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, project);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
