package io.jixiao.common.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The records of a relay pass whose outcome the pass stopped waiting for (an interrupt, a wave's
 * deadline, a failure earlier in the wave), by outbox position. None of them may still be on its way
 * when the next pass sends, so they are settled first: those the broker acknowledged meanwhile were
 * delivered and are marked with the rest of the pass (were they not, the next pass would send them a
 * second time); those it refused go again next pass; any still without an outcome at the end of the
 * wait mean a wedged producer.
 *
 * <p>Each partition key has at most one record here (a key's next record is sent only once the broker
 * has acknowledged the one before), so marking any of them keeps every key's events in order.
 */
final class InFlightRecords {

    /** What the wait found: the positions delivered, and how many records still had no outcome. */
    record Settled(List<Long> delivered, int withoutOutcome) {
    }

    private final Map<Long, Future<RecordMetadata>> byPosition = new LinkedHashMap<>();

    void add(long position, Future<RecordMetadata> ack) {
        byPosition.put(position, ack);
    }

    boolean isEmpty() {
        return byPosition.isEmpty();
    }

    /**
     * Waits at most {@code timeout} in all for the outcomes; past it, only reads those already there. An
     * interrupt, before the wait (the usual reason the pass stopped waiting) or during it, is not an
     * outcome: the wait goes on, and the interrupt is handed back to the caller afterwards.
     */
    Settled settle(Duration timeout) {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> delivered = new ArrayList<>();
        int withoutOutcome = 0;
        for (Map.Entry<Long, Future<RecordMetadata>> record : byPosition.entrySet()) {
            while (true) {
                try {
                    record.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    delivered.add(record.getKey());
                    break;
                } catch (ExecutionException e) {
                    // an outcome: the broker refused it, and it goes again next pass
                    break;
                } catch (TimeoutException e) {
                    withoutOutcome++;
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Settled(delivered, withoutOutcome);
    }
}
