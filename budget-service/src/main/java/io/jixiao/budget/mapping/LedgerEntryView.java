package io.jixiao.budget.mapping;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.jixiao.budget.LedgerEntry;
import io.jixiao.budget.LedgerEntryKind;
import io.jixiao.common.money.Yuan;

public record LedgerEntryView(UUID id, UUID projectId, UUID fundingLineId, LedgerEntryKind kind, String amount,
        LocalDate businessDate, String counterparty, String purpose, String reference, UUID reversesEntryId,
        OffsetDateTime recordedAt, String recordedBy) {

    /** Where an entry is read: its place in its project's ledger. */
    public static URI location(LedgerEntryView entry) {
        return URI.create("/api/projects/" + entry.projectId() + "/ledger#" + entry.id());
    }

    public static LedgerEntryView of(LedgerEntry e) {
        return new LedgerEntryView(e.id, e.projectId, e.fundingLineId, e.kind, Yuan.format(e.amount), e.businessDate,
                e.counterparty, e.purpose, e.reference, e.reversesEntryId, e.recordedAt, e.recordedBy);
    }
}
