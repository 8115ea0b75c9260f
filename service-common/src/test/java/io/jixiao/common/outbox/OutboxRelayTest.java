package io.jixiao.common.outbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The relay thread outlives a failed pass, whatever failed, and publishes on the next. */
class OutboxRelayTest {

    @Test
    void anOutOfMemoryErrorInAPassDoesNotEndTheRelay() throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch publishedAfterwards = new CountDownLatch(1);
        OutboxRelay relay = new OutboxRelay();
        relay.publisher = new OutboxPublisher() {
            @Override
            public PassResult publishBatch() {
                if (passes.incrementAndGet() == 1) {
                    throw new OutOfMemoryError("Java heap space (thrown by the test)");
                }
                publishedAfterwards.countDown();
                return new PassResult(1, false, false, null);
            }

            @Override
            public long countBacklog() {
                return 0;
            }
        };
        relay.config = config(Map.of("idlePoll", Duration.ofMillis(20), "linger", Duration.ZERO,
                "maxBackoff", Duration.ofMillis(200), "sendTimeout", Duration.ofSeconds(1), "relayEnabled", true));
        relay.registry = new SimpleMeterRegistry();
        relay.onStart(null);
        try {
            assertTrue(publishedAfterwards.await(10, TimeUnit.SECONDS), "no pass after the error: " + passes.get());
            assertTrue(relay.isRunning(), "the relay thread ended");
        } finally {
            relay.onStop(null);
        }
    }

    /** The configuration the relay reads, by method name. */
    private static OutboxConfig config(Map<String, Object> values) {
        return (OutboxConfig) Proxy.newProxyInstance(OutboxConfig.class.getClassLoader(),
                new Class<?>[] { OutboxConfig.class }, (proxy, method, args) -> {
                    if (!values.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return values.get(method.getName());
                });
    }
}
