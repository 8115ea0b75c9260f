package io.jixiao.infra;

/** Takes the test broker away and brings it back, to test what the services do during an outage. */
public interface BrokerControl {

    void stop();

    void start();
}
