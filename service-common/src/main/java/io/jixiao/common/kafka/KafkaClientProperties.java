package io.jixiao.common.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The {@code kafka.*} configuration Quarkus gathers (bootstrap servers, SASL and TLS from the
 * environment), cut down to what a plain producer, consumer or admin client of ours accepts, so that none
 * warns about properties meant for another.
 */
public final class KafkaClientProperties {

    public static Map<String, Object> producer(Map<String, Object> kafkaConfig) {
        return only(kafkaConfig, ProducerConfig.configNames());
    }

    public static Map<String, Object> consumer(Map<String, Object> kafkaConfig) {
        return only(kafkaConfig, ConsumerConfig.configNames());
    }

    public static Map<String, Object> admin(Map<String, Object> kafkaConfig) {
        return only(kafkaConfig, AdminClientConfig.configNames());
    }

    private static Map<String, Object> only(Map<String, Object> kafkaConfig, Set<String> known) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.keySet().removeIf(key -> !known.contains(key) && !key.startsWith("sasl.") && !key.startsWith("ssl.")
                && !key.equals("security.protocol"));
        return props;
    }

    private KafkaClientProperties() {
    }
}
