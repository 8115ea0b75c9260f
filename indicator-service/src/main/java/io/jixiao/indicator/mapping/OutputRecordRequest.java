package io.jixiao.indicator.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.jixiao.common.time.BusinessDate;

/**
 * A dated output: a {@code quantity} (signed, so a correction can take some back), or a
 * {@code numerator}/{@code denominator} pair for a rate (2273 resolved of 2486 requests).
 */
public record OutputRecordRequest(
        @NotNull @BusinessDate LocalDate recordedOn,
        @Digits(integer = 15, fraction = 8) BigDecimal quantity,
        @Digits(integer = 15, fraction = 8) BigDecimal numerator,
        @Digits(integer = 15, fraction = 8) BigDecimal denominator,
        @Size(max = 1000) String note,
        UUID correctsRecordId) {
}
