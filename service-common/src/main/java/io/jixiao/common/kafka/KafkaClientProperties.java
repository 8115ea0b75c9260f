package io.jixiao.common.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The {@code kafka.*} configuration Quarkus gathers (bootstrap servers, SASL and TLS from the
 * environment), cut down to what a plain producer or consumer of ours accepts, so that neither warns
 * about properties meant for the other or for the health check.
 */
public final class KafkaClientProperties {

    public static Map<String, Object> producer(Map<String, Object> kafkaConfig) {
        return only(kafkaConfig, ProducerConfig.configNames());
    }

    public static Map<String, Object> consumer(Map<String, Object> kafkaConfig) {
        return only(kafkaConfig, ConsumerConfig.configNames());
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
