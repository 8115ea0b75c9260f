package io.jixiao.common.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each consumed channel, with readiness: its state and last failure. DOWN only for a failure retrying will not
 * mend (credentials or permissions refused, an unknown topic): someone must change something. A channel that is
 * merely stalled (failing for longer than {@code jixiao.consumer.stalled-after}: the broker away) stays UP, said
 * here, in {@code jixiao_consumer_stalled} and in the log: the service still answers from what it has, and taking
 * it out of its Service would turn a broker outage into an outage of the service. The events held (parked or
 * dead-lettered) are counted beside.
 */
@Readiness
@ApplicationScoped
public class EventConsumersHealthCheck implements HealthCheck {

    @Inject
    EventConsumers consumers;

    @Inject
    HeldEvents held;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-consumers").up();
        consumers.statuses().forEach((channel, status) -> {
            if (status.lasting()) {
                response.down();
            }
            String state = status.failingSince() == null ? "consuming"
                    : (status.stalled() ? "stalled since " : "retrying since ") + status.failingSince() + ": "
                            + status.lastFailure();
            response.withData(channel, state);
        });
        if (!consumers.statuses().isEmpty()) {
            // held events are kept, not lost: they are for an operator to look at, not a reason to stop serving
            response.withData("parked", held.count(HeldEvents.Status.PARKED))
                    .withData("deadLettered", held.count(HeldEvents.Status.DEAD_LETTERED));
        }
        return response.build();
    }
}
