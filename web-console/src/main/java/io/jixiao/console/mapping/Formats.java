package io.jixiao.console.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * How figures, dates and codes read on the pages, in Chinese conventions: 万元 with 2 decimals as the reports
 * show them, 元 for a single ledger entry, digits grouped by thousands, dates as 2023年6月30日, and the
 * services' codes (colours, statuses, entry kinds) by their Chinese names.
 */
@TemplateExtension
public final class Formats {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private Formats() {
    }

    /** An amount in 元 (a decimal string from a service) as 万元 with 2 decimals: 13,271,800.00 → 1,327.18. */
    public static String wan(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return "—";
        }
        return grouped(new BigDecimal(yuan).divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP));
    }

    /** An amount in 元 with 2 decimals, grouped: 12,345.60. */
    public static String yuan(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return "—";
        }
        return grouped(new BigDecimal(yuan).setScale(2, RoundingMode.HALF_UP));
    }

    /** A figure a service already gave in 万元 (or any decimal), grouped by thousands. */
    public static String figure(String decimal) {
        if (decimal == null || decimal.isBlank()) {
            return "—";
        }
        return grouped(new BigDecimal(decimal));
    }

    private static String grouped(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.CHINA));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** 2023-06-30 → 2023年6月30日; a timestamp → 2023年6月30日 14:05 (Beijing time). */
    public static String cnDate(String iso) {
        if (iso == null || iso.isBlank()) {
            return "—";
        }
        if (iso.length() == 10) {
            return DAY.format(LocalDate.parse(iso));
        }
        return MINUTE.format(OffsetDateTime.parse(iso).atZoneSameInstant(CHINA));
    }

    /** A monitoring colour (DESIGN §6.4) by its Chinese name. */
    public static String colourName(String colour) {
        return switch (colour == null ? "NONE" : colour) {
            case "RED" -> "红色预警";
            case "YELLOW" -> "黄色预警";
            case "GREEN" -> "正常";
            case "BLUE" -> "蓝色（超进度）";
            default -> "无数据";
        };
    }

    /** The CSS class of a monitoring colour. */
    public static String colourClass(String colour) {
        return "colour-" + (colour == null ? "none" : colour.toLowerCase(Locale.ROOT));
    }

    /** A report's workflow status by its Chinese name. */
    public static String statusName(String status) {
        return switch (status == null ? "DRAFT" : status) {
            case "SUBMITTED" -> "已提交，待审核";
            case "RETURNED" -> "已退回修改";
            case "ACCEPTED" -> "审核通过";
            case "PUBLISHED" -> "已公开";
            default -> "草稿";
        };
    }

    /** A ledger entry's kind by its Chinese name. */
    public static String kindName(String kind) {
        return switch (kind == null ? "" : kind) {
            case "ARRIVAL" -> "资金到位";
            case "DISBURSEMENT" -> "支出";
            case "ARRIVAL_REVERSAL" -> "到位冲销";
            case "DISBURSEMENT_REVERSAL" -> "支出冲销";
            default -> kind;
        };
    }

    /** A finding's severity by its Chinese name. */
    public static String severityName(String severity) {
        return switch (severity == null ? "" : severity) {
            case "BLOCKING" -> "阻止提交";
            case "WARNING" -> "需说明";
            case "OK" -> "通过";
            default -> severity;
        };
    }
}
