package io.jixiao.common.inbox;

import java.util.List;

/** Applies events to a service's own tables; runs inside the inbox's transaction. */
@FunctionalInterface
public interface EventHandler {

    void apply(IncomingEvent event);

    /**
     * Called once before a batch is applied, with the events about to be: a handler may load what they
     * touch in one query instead of one per event. Nothing to do by default.
     */
    default void prepare(List<IncomingEvent> events) {
    }
}
