package io.jixiao.common.inbox;

import java.util.List;

/**
 * Applies events to a service's own tables; runs inside the inbox's transaction. An event about a subject not
 * registered yet throws {@link SubjectNotKnownYet} (it is parked); any other failure of an event that is not the
 * database's makes it a dead letter.
 */
@FunctionalInterface
public interface EventHandler {

    void apply(IncomingEvent event);

    /**
     * Called once before a batch is applied, with the events about to be: a handler may load what they
     * touch in one query instead of one per event. Nothing to do by default.
     */
    default void prepare(List<IncomingEvent> events) {
    }

    /**
     * Called once after a batch's events were applied, in the same transaction, with the events that
     * were: a handler may do here, once per batch, what would otherwise follow every event (alone, an
     * event is a batch of one). Nothing to do by default.
     */
    default void applied(List<IncomingEvent> events) {
    }

    /**
     * What an event registers, as {@link SubjectNotKnownYet} names it ({@code project/<id>}): events parked waiting
     * for it are applied right after it. Nothing by default.
     */
    default java.util.Set<String> registers(IncomingEvent event) {
        return java.util.Set.of();
    }
}
