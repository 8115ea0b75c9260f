package io.jixiao.events;

/**
 * Who caused an event: the token's subject and, for a department user, their department. A change made while
 * applying another service's event keeps that event's actor.
 */
public record Actor(String subject, String department) {
}
