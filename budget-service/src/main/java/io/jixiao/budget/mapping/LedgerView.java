package io.jixiao.budget.mapping;

import java.util.List;

/** A project's ledger, oldest entry first, with the balance it adds up to. */
public record LedgerView(BalanceView balance, List<LedgerEntryView> entries) {
}
