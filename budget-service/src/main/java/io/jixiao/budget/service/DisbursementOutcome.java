package io.jixiao.budget.service;

import io.jixiao.budget.mapping.LedgerEntryView;

/** How a disbursement of the group commit ends, for its resource to answer (a refusal fails it instead). */
public sealed interface DisbursementOutcome {

    /** Recorded by this request. */
    record Recorded(LedgerEntryView entry) implements DisbursementOutcome {
    }

    /** A retry: the answer its Idempotency-Key got the first time. */
    record Replayed(int status, String body, String location) implements DisbursementOutcome {
    }
}
