package io.jixiao.events;

import java.time.LocalDate;

/**
 * The payload of one of our event types: one record per type, in {@code budget}, {@code indicator} and
 * {@code report}, each with its schema in {@code schemas/} ({@link EventTypes#payloadOf(String)}). Producers
 * append records, consumers read records; {@link EventJson} writes and reads them as the schemas say.
 */
public interface EventPayload {

    String departmentCode();

    /** The day it happened in the departments' calendar (a payment's date, a registration's day). */
    LocalDate businessDate();

    Actor actor();
}
