package io.jixiao.common.outbox;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;


/**
 * Reports the outbox backlog with readiness. A backlog alone does not make the service unready:
 * writes are still safe (they wait in the outbox); Kafka's own check says whether the broker is there.
 */
@Readiness
public class OutboxRelayHealthCheck implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox-relay")
                .status(relay.isRunning())
                .withData("backlog", relay.backlog())
                .build();
    }
}
