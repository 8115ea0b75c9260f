package io.jixiao.events;

import java.util.UUID;

/**
 * An event that moved a funding line's figures (an adjustment, an arrival, a disbursement, a reversal): it
 * carries the line's and the project's totals after it, so a consumer applying the latest one holds the truth.
 */
public interface LedgerMoved extends ProjectEvent {

    UUID fundingLineId();

    Totals lineTotals();

    Totals projectTotals();
}
