package io.jixiao.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Settling a relay pass's records whose outcome it stopped waiting for. The broker is a stand-in here
 * (futures completed on cue), because the real one cannot be made to answer at a chosen moment; the
 * relay's interrupt test (budget-service's OutboxPublishingTest) runs the same path against a real one.
 */
class InFlightRecordsTest {

    private final ScheduledExecutorService broker = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        broker.shutdownNow();
        Thread.interrupted();
    }

    @Test
    void whatTheBrokerAcknowledgesAfterTheInterruptIsDeliveredAndTheInterruptHandedBack() {
        InFlightRecords records = new InFlightRecords();
        records.add(1, acknowledgedAfter(Duration.ofMillis(150)));
        records.add(2, CompletableFuture.failedFuture(new KafkaException("not the leader")));
        records.add(3, CompletableFuture.completedFuture(null));

        Thread.currentThread().interrupt(); // what made the pass stop waiting
        InFlightRecords.Settled settled = records.settle(Duration.ofSeconds(10));

        assertTrue(Thread.interrupted(), "the caller gets its interrupt back");
        assertEquals(List.of(1L, 3L), settled.delivered(), "acknowledged: marked, never sent again; refused: sent again");
        assertEquals(0, settled.withoutOutcome());
    }

    @Test
    void anInterruptDuringTheWaitDoesNotEndIt() {
        InFlightRecords records = new InFlightRecords();
        records.add(7, acknowledgedAfter(Duration.ofMillis(300)));
        Thread settling = Thread.currentThread();
        broker.schedule(settling::interrupt, 50, TimeUnit.MILLISECONDS);

        InFlightRecords.Settled settled = records.settle(Duration.ofSeconds(10));

        assertTrue(Thread.interrupted());
        assertEquals(List.of(7L), settled.delivered());
    }

    @Test
    void aRecordStillWithoutOutcomeAtTheDeadlineIsNotDeliveredAndTheOthersAreStillRead() {
        InFlightRecords records = new InFlightRecords();
        records.add(4, new CompletableFuture<>()); // a wedged producer: never an answer
        records.add(5, CompletableFuture.completedFuture(null));

        InFlightRecords.Settled settled = records.settle(Duration.ofMillis(200));

        assertEquals(List.of(5L), settled.delivered());
        assertEquals(1, settled.withoutOutcome());
    }

    private CompletableFuture<RecordMetadata> acknowledgedAfter(Duration delay) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        broker.schedule(() -> ack.complete(null), delay.toMillis(), TimeUnit.MILLISECONDS);
        return ack;
    }
}
