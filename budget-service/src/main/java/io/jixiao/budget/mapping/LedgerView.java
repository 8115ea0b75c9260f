package io.jixiao.budget.mapping;

import java.util.List;

/**
 * One page of a project's ledger, oldest entry first, with the balance the whole ledger adds up to.
 * {@code next} is the path of the following page, or null on the last one.
 */
public record LedgerView(BalanceView balance, List<LedgerEntryView> entries, String next) {
}
