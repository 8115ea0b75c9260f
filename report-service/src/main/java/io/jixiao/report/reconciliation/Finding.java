package io.jixiao.report.reconciliation;

/**
 * One reconciliation check (勾稽关系, DESIGN §7) with the figures on both sides: what was stated (or
 * the limit) and what was computed from the ledger. A blocking finding stops submission.
 */
public record Finding(String code, Severity severity, String subject, String message, String stated, String computed) {

    public enum Severity {
        /** the report cannot be submitted while it stands */
        BLOCKING,
        /** a discrepancy the report shows */
        WARNING,
        /** the check passed; listed so the reader sees it was made */
        OK
    }

    public boolean blocking() {
        return severity == Severity.BLOCKING;
    }
}
