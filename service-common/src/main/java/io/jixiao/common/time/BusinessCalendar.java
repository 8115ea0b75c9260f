package io.jixiao.common.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The calendar of the departments' business: what day it is, and on what day something recorded at an instant
 * happened, in their time zone ({@code jixiao.business.time-zone}, Asia/Shanghai), not the server's. A
 * disbursement recorded at 01:30 on 1 January in Huaihua is a 1 January one, though the server's UTC clock
 * still says 31 December.
 */
@Singleton
public class BusinessCalendar {

    private final Clock clock;

    @Inject
    BusinessCalendar(BusinessCalendarConfig config) {
        this(Clock.system(config.timeZone()));
    }

    public BusinessCalendar(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The business day of an instant. */
    public LocalDate dateOf(OffsetDateTime instant) {
        return instant.atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    public ZoneId zone() {
        return clock.getZone();
    }
}
