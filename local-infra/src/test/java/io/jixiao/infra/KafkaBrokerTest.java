package io.jixiao.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void aRecordWrittenBeforeARestartIsReadAfterIt() throws Exception {
        try (KafkaBroker broker = KafkaBroker.startFresh(dir)) {
            broker.createTopics(Map.of("probe", 1));
            try (var producer = new KafkaProducer<String, String>(producerConfig(broker))) {
                producer.send(new ProducerRecord<>("probe", "k", "before restart")).get();
            }
            broker.stop();
            assertFalse(broker.isRunning());
            broker.start();
            assertTrue(broker.isRunning());
            try (var consumer = new KafkaConsumer<String, String>(consumerConfig(broker))) {
                consumer.subscribe(List.of("probe"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                for (int i = 0; i < 30 && records.isEmpty(); i++) {
                    records = consumer.poll(Duration.ofSeconds(1));
                }
                assertEquals("before restart", records.iterator().next().value());
            }
        }
    }

    @Test
    void anExplicitInfraChoiceWinsAndAnUnknownOneIsRefused() {
        assertEquals(InfraMode.LOCAL, InfraMode.choose("local", () -> true));
        assertEquals(InfraMode.CONTAINERS, InfraMode.choose("containers", () -> false));
        assertEquals(InfraMode.CONTAINERS, InfraMode.choose(null, () -> true));
        assertEquals(InfraMode.LOCAL, InfraMode.choose("auto", () -> false));
        assertThrows(IllegalArgumentException.class, () -> InfraMode.choose("docker", () -> true));
    }

    @Test
    void anUnreachablePostgresSaysWhatToStart() {
        PostgresServer nowhere = new PostgresServer("127.0.0.1", KafkaBroker.freePort(), "postgres", "");
        IllegalStateException e = assertThrows(IllegalStateException.class, nowhere::requireReachable);
        assertTrue(e.getMessage().contains("pg_ctlcluster 15 main start"), e.getMessage());
    }

    @Test
    void aTemporaryDatabaseIsCreatedAndDropped() throws Exception {
        PostgresServer server = PostgresServer.fromEnvironment();
        String name;
        try (TemporaryDatabase db = server.createTemporaryDatabase("infra_probe")) {
            name = db.name();
            try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), server.user(), server.password())) {
                assertTrue(c.isValid(2));
            }
        }
        try (var c = java.sql.DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
                var st = c.prepareStatement("select count(*) from pg_database where datname = ?")) {
            st.setString(1, name);
            var rs = st.executeQuery();
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    private static Properties producerConfig(KafkaBroker broker) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return p;
    }

    private static Properties consumerConfig(KafkaBroker broker) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return p;
    }
}
