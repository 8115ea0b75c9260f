package io.jixiao.console.mapping;

import java.time.LocalDate;
import java.time.ZoneId;

/** The month 序时进度 is read at: December for a past year (the year is closed), else this month in China. */
public final class Months {

    private Months() {
    }

    public static int monitoringMonth(int fiscalYear) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return fiscalYear < today.getYear() ? 12 : today.getMonthValue();
    }
}
