package io.jixiao.common.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.jixiao.common.kafka.KafkaClientProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Starts a {@link ChannelConsumer} for each configured channel ({@link EventConsumerConfig}) once the service
 * has started, handing its records to the service's {@link EventReceiver}, and stops them as it stops. All
 * replicas of a service share one consumer group per channel's topic; partitions bound how many consume
 * at once.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    @Inject
    EventConsumerConfig config;

    @Inject
    Instance<EventReceiver> receivers;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private final Map<String, ChannelConsumer> channels = new LinkedHashMap<>();
    private final Map<String, Thread> threads = new LinkedHashMap<>();

    void onStart(@Observes StartupEvent event) {
        if (config.channels().isEmpty()) {
            return;
        }
        if (!receivers.isResolvable()) {
            throw new IllegalStateException("channels " + config.channels().keySet()
                    + " are configured but no (single) EventReceiver bean takes their records");
        }
        EventReceiver receiver = receivers.get();
        config.channels().forEach((name, channel) -> {
            ChannelConsumer consumer = new ChannelConsumer(name, channel.topic(), () -> client(name, channel), receiver,
                    config, metrics(name));
            Gauge.builder("jixiao.consumer.stalled", consumer, c -> c.status().stalled() ? 1 : 0).tag("channel", name)
                    .description("1 while the channel is stalled: failing for longer than jixiao.consumer.stalled-after,"
                            + " or for a reason retrying will not mend")
                    .register(registry);
            Thread thread = new Thread(consumer, "consumer-" + name);
            thread.setDaemon(true);
            channels.put(name, consumer);
            threads.put(name, thread);
            thread.start();
            LOG.infof("consuming %s (channel %s, group %s)", channel.topic(), name, groupId());
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        channels.values().forEach(ChannelConsumer::stop);
        threads.values().forEach(thread -> {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Each channel's state, for the health check. */
    Map<String, ChannelConsumer.Status> statuses() {
        Map<String, ChannelConsumer.Status> statuses = new LinkedHashMap<>();
        channels.forEach((name, consumer) -> statuses.put(name, consumer.status()));
        return statuses;
    }

    List<String> topics() {
        return config.channels().values().stream().map(EventConsumerConfig.Channel::topic).toList();
    }

    private String groupId() {
        return config.groupId().orElse(applicationName);
    }

    private KafkaConsumer<String, String> client(String name, EventConsumerConfig.Channel channel) {
        Map<String, Object> props = KafkaClientProperties.consumer(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationName + "-" + name);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, channel.maxPollRecords());
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, channel.fetchMinBytes());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) channel.fetchMaxWait().toMillis());
        config.apiTimeout().ifPresent(t -> props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) t.toMillis()));
        return new KafkaConsumer<>(props);
    }

    private ChannelConsumer.ChannelMetrics metrics(String name) {
        return new ChannelConsumer.ChannelMetrics() {
            @Override
            public void failed(String kind) {
                registry.counter("jixiao.consumer.failures", "channel", name, "kind", kind).increment();
            }

            @Override
            public void clientReplaced() {
                registry.counter("jixiao.consumer.client.replaced", "channel", name).increment();
            }

            @Override
            public void commitFailed() {
                registry.counter("jixiao.consumer.commit.failures", "channel", name).increment();
            }
        };
    }
}
