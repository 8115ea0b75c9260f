package io.jixiao.common.outbox;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;


/**
 * Reports the outbox backlog and whether the broker takes what the relay sends, with readiness. Neither makes
 * the service unready: writes are safe while the broker is away (they wait in the outbox and leave, in order,
 * once it is back), so a broker outage must not take the service out of its Service. Only a relay that stopped
 * running does.
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
                // a broker outage is a detail, not unreadiness: writes go on into the outbox and leave once it is back
                .withData("broker", relay.brokerState())
                .build();
    }
}
