package io.jixiao.infra;

import java.time.Duration;

/**
 * Takes the test broker away, stalls it or slows it, and brings it back, to test what the services do
 * when the broker fails them.
 */
public interface BrokerControl {

    /** Kafka API keys (the protocol's kinds of request) that {@link #holdRequests} can hold. */
    short FETCH = 1;
    short OFFSET_COMMIT = 8;
    short OFFSET_FETCH = 9;
    short JOIN_GROUP = 11;
    short HEARTBEAT = 12;
    short SYNC_GROUP = 14;

    /** Stops the broker gracefully; {@link #start()} brings it back with its data. */
    void stop();

    void start();

    /** The broker stops answering at once (its process stopped, connections left open). */
    void pause();

    void resume();

    /** From now on, every request of these kinds reaches the broker only {@code hold} after it was sent. */
    void holdRequests(Duration hold, short... apiKeys);

    void releaseRequests();
}
