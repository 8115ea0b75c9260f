package io.jixiao.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One movement of money on a funding line. Append-only (a database trigger refuses updates and
 * deletes): a mistake is corrected by a reversal entry that references the original.
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public UUID fundingLineId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LedgerEntryKind kind;

    @Column(nullable = false, precision = 18, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false)
    public LocalDate businessDate;

    /** The arrival's source (treasury account) or the disbursement's payee. */
    public String counterparty;

    /** What a disbursement paid for, or why an entry was reversed. */
    public String purpose;

    /** The arrival's reference or the disbursement's voucher number. */
    public String reference;

    public UUID reversesEntryId;

    @Column(nullable = false)
    public OffsetDateTime recordedAt;

    @Column(nullable = false)
    public String recordedBy;

    /**
     * Where the entry stands in the ledger: drawn by the database from one sequence while the project is
     * locked, so a project's positions follow commit order whichever replica wrote them (their clocks,
     * and so {@link #recordedAt}, may differ). Null on an entry not yet read back from the database.
     */
    @Column(insertable = false, updatable = false)
    public Long position;

    /** A new entry on a line, recorded now by {@code recordedBy}; not yet written anywhere. */
    public static LedgerEntry of(UUID projectId, UUID fundingLineId, LedgerEntryKind kind, BigDecimal amount,
            LocalDate businessDate, String counterparty, String purpose, String reference, UUID reversesEntryId,
            String recordedBy) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.projectId = projectId;
        entry.fundingLineId = fundingLineId;
        entry.kind = kind;
        entry.amount = amount;
        entry.businessDate = businessDate;
        entry.counterparty = counterparty;
        entry.purpose = purpose;
        entry.reference = reference;
        entry.reversesEntryId = reversesEntryId;
        entry.recordedAt = OffsetDateTime.now();
        entry.recordedBy = recordedBy;
        return entry;
    }
}
