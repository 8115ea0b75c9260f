package io.jixiao.budget;

/** What a ledger entry records. Amounts are always positive; the kind says which way the money moves. */
public enum LedgerEntryKind {
    /** 资金到位: funds arrived from the treasury. */
    ARRIVAL,
    /** 支出: money spent. */
    DISBURSEMENT,
    ARRIVAL_REVERSAL,
    DISBURSEMENT_REVERSAL;

    public boolean isReversal() {
        return this == ARRIVAL_REVERSAL || this == DISBURSEMENT_REVERSAL;
    }

    /** The kind of entry that reverses this one. */
    public LedgerEntryKind reversal() {
        return switch (this) {
            case ARRIVAL -> ARRIVAL_REVERSAL;
            case DISBURSEMENT -> DISBURSEMENT_REVERSAL;
            default -> throw new IllegalStateException(this + " cannot be reversed");
        };
    }
}
