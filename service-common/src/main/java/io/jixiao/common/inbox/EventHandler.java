package io.jixiao.common.inbox;

/** Applies one event to a service's own tables; runs inside the inbox's transaction. */
@FunctionalInterface
public interface EventHandler {

    void apply(IncomingEvent event);
}
