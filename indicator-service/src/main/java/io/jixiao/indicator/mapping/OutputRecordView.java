package io.jixiao.indicator.mapping;

import io.jixiao.common.money.Decimals;

import java.time.LocalDate;
import java.util.UUID;

import io.jixiao.indicator.OutputRecord;

public record OutputRecordView(UUID id, UUID indicatorId, LocalDate recordedOn, String quantity, String numerator,
        String denominator, String note, UUID correctsRecordId, String recordedBy) {

    public static OutputRecordView of(OutputRecord r) {
        return new OutputRecordView(r.id, r.indicatorId, r.recordedOn, Decimals.plain(r.quantity),
                Decimals.plain(r.numerator), Decimals.plain(r.denominator), r.note, r.correctsRecordId, r.recordedBy);
    }

}
