package io.jixiao.console.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Figures and dates read as the reports print them. */
class FormatsTest {

    @Test
    void yuanAs万元WithTwoDecimalsRoundedHalfUpAndGrouped() {
        assertEquals("1,327.18", Formats.wan("13271800.00"));
        assertEquals("0.01", Formats.wan("50.00"));
        assertEquals("0.00", Formats.wan("49.99"));
        assertEquals("-9.00", Formats.wan("-90000"));
        assertEquals("—", Formats.wan(null));
    }

    @Test
    void aLedgerEntryIn元() {
        assertEquals("90,000.00", Formats.yuan("90000"));
        assertEquals("0.50", Formats.yuan("0.5"));
        assertEquals("1,327.18", Formats.figure("1327.18"));
    }

    @Test
    void datesInChineseConventionsAndBeijingTime() {
        assertEquals("2022年6月30日", Formats.cnDate("2022-06-30"));
        assertEquals("2022年7月1日 08:05", Formats.cnDate("2022-07-01T00:05:00Z"));
    }

    @Test
    void codesByTheirChineseNames() {
        assertEquals("红色预警", Formats.colourName("RED"));
        assertEquals("colour-red", Formats.colourClass("RED"));
        assertEquals("已退回修改", Formats.statusName("RETURNED"));
        assertEquals("支出冲销", Formats.kindName("DISBURSEMENT_REVERSAL"));
    }
}
