package io.jixiao.common.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.jixiao.common.kafka.KafkaClientProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;

/**
 * Sends a record that cannot be applied to {@code <topic>.dlq}, unchanged, with the reason and where
 * it came from in headers. It is never silently dropped, and it no longer blocks its partition.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    public static final String REASON = "dead-letter-reason";
    public static final String ORIGIN = "dead-letter-origin";

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private KafkaProducer<String, String> producer;

    @PostConstruct
    void createProducer() {
        Map<String, Object> props = KafkaClientProperties.producer(kafkaConfig);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-dead-letters");
        producer = new KafkaProducer<>(props);
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** Blocks until the broker has the dead letter: only then may the original's offset be committed. */
    public void send(ConsumerRecord<String, String> record, String reason) {
        String topic = record.topic() + ".dlq";
        ProducerRecord<String, String> letter = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        letter.headers().add(new RecordHeader(REASON, reason.getBytes(StandardCharsets.UTF_8)));
        letter.headers().add(new RecordHeader(ORIGIN,
                (record.topic() + "/" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(letter).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send a dead letter to " + topic, e);
        }
        registry.counter("jixiao.events.dead.letters", "topic", record.topic()).increment();
        LOG.warnf("dead-lettered %s/%d@%d to %s: %s", record.topic(), record.partition(), record.offset(), topic, reason);
    }
}
