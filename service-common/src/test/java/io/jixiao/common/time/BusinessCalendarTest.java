package io.jixiao.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    @Test
    void aDayIsTheDepartmentsDayNotTheServers() {
        // 17:30 UTC on 31 December 2023 is 01:30 on 1 January 2024 in Huaihua
        Instant instant = Instant.parse("2023-12-31T17:30:00Z");
        BusinessCalendar shanghai = new BusinessCalendar(Clock.fixed(instant, ZoneId.of("Asia/Shanghai")));
        assertEquals(LocalDate.of(2024, 1, 1), shanghai.today());
        assertEquals(LocalDate.of(2024, 1, 1), shanghai.dateOf(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)));

        BusinessCalendar utc = new BusinessCalendar(Clock.fixed(instant, ZoneOffset.UTC));
        assertEquals(LocalDate.of(2023, 12, 31), utc.today());
    }
}
