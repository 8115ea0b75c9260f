package io.jixiao.common.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each consumed channel, with readiness: UP while it consumes or rides out a passing failure, DOWN once it is
 * stalled (failing for longer than {@code jixiao.consumer.stalled-after}, or for a reason retrying will not
 * mend), with the failure. It keeps retrying either way; DOWN says an operator should look.
 */
@Readiness
@ApplicationScoped
public class EventConsumersHealthCheck implements HealthCheck {

    @Inject
    EventConsumers consumers;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-consumers").up();
        consumers.statuses().forEach((channel, status) -> {
            if (status.stalled()) {
                response.down();
            }
            String state = status.failingSince() == null ? "consuming"
                    : (status.stalled() ? "stalled since " : "retrying since ") + status.failingSince() + ": "
                            + status.lastFailure();
            response.withData(channel, state);
        });
        return response.build();
    }
}
