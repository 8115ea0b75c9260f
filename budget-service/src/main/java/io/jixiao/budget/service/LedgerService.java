package io.jixiao.budget.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.jixiao.budget.BudgetAdjustment;
import io.jixiao.budget.FundingLine;
import io.jixiao.budget.LedgerEntry;
import io.jixiao.budget.LedgerEntryKind;
import io.jixiao.budget.Project;
import io.jixiao.budget.mapping.ArrivalRequest;
import io.jixiao.budget.mapping.BalanceView;
import io.jixiao.budget.mapping.BudgetAdjustmentRequest;
import io.jixiao.budget.mapping.BudgetAdjustmentView;
import io.jixiao.budget.mapping.LedgerEntryView;
import io.jixiao.budget.mapping.LedgerView;
import io.jixiao.budget.mapping.ReversalRequest;
import io.jixiao.budget.messaging.BudgetEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.jixiao.common.problem.ProblemException;
import io.jixiao.common.security.Caller;
import io.jixiao.common.security.Roles;
import io.jixiao.common.tx.AfterCommit;
import io.jixiao.common.time.BusinessCalendar;
import io.jixiao.budget.VoucherNumber;

/**
 * The money writes other than disbursements. Each locks its project first, checks its rule ({@link FundsRules})
 * against the funding line's current balance, appends the entry, moves the line's running totals and appends
 * the event to the outbox, all in one transaction; an entry is reversed only once. Disbursements, the busiest
 * write, are committed in groups by {@link DisbursementGroupCommit}, under the same lock and rules.
 */
@ApplicationScoped
public class LedgerService {

    private static final String LEDGER_ENTRY = "an entry of this project's ledger";

    @Inject
    ProjectService projects;

    @Inject
    Caller caller;

    @Inject
    BudgetEvents events;

    @Inject
    AfterCommit afterCommit;

    @Inject
    MeterRegistry registry;

    @Inject
    BusinessCalendar calendar;

    @Transactional
    public LedgerEntryView recordArrival(UUID projectId, ArrivalRequest request) {
        LineWrite w = lineWrite(projectId, request.fundingLineId(), "arrivedOn", request.arrivedOn());
        BigDecimal amount = request.amount().setScale(2);
        FundsRules.arrive(w.project(), w.line(), amount);
        return append(w.project(), w.lines(), w.line(), LedgerEntryKind.ARRIVAL, amount, request.arrivedOn(),
                request.source(), null, request.reference(), null);
    }

    @Transactional
    public LedgerEntryView reverse(UUID projectId, ReversalRequest request) {
        Project project = projects.lockVisible(projectId);
        OpenYears.requireOpen(project);
        LedgerEntry original = LedgerEntry.findById(request.entryId());
        if (original == null || !original.projectId.equals(projectId)) {
            throw ProblemException.invalidField("entryId", "no ledger entry " + request.entryId() + " on project " + projectId);
        }
        if (original.kind.isReversal()) {
            throw ProblemException.invalidField("entryId", "is itself a reversal; record a new entry instead");
        }
        requireMayReverse(original.kind);
        if (LedgerEntry.count("reversesEntryId", original.id) > 0) {
            throw ProblemException.ruleBroken("already-reversed", "Entry already reversed",
                    "ledger entry " + original.id + " has already been reversed", Map.of("entryId", original.id));
        }
        List<FundingLine> lines = FundingLine.ofProject(projectId);
        FundingLine line = lines.stream().filter(l -> l.id.equals(original.fundingLineId)).findFirst().orElseThrow();
        MoneyDates.require("reversedOn", request.reversedOn(), project, line, calendar.today());
        if (request.reversedOn().isBefore(original.businessDate)) {
            throw ProblemException.invalidField("reversedOn", "is " + request.reversedOn()
                    + ", before the entry it reverses (" + original.businessDate + ")");
        }
        if (original.kind == LedgerEntryKind.ARRIVAL) {
            FundsRules.reverseArrival(project, line, original.amount);
        } else {
            FundsRules.reverseDisbursement(line, original.amount);
            // a reversed disbursement gives its voucher number back: its correction may carry it
            VoucherNumber.delete("entryId", original.id);
        }
        return append(project, lines, line, original.kind.reversal(), original.amount, request.reversedOn(), null,
                request.reason(), null, original.id);
    }

    @Transactional
    public BudgetAdjustmentView adjustBudget(UUID projectId, BudgetAdjustmentRequest request) {
        LineWrite w = lineWrite(projectId, request.fundingLineId(), "adjustedOn", request.adjustedOn());
        Project project = w.project();
        FundingLine line = w.line();
        BigDecimal amount = request.amount().setScale(2);
        FundsRules.adjust(project, line, amount);
        BudgetAdjustment adjustment = new BudgetAdjustment();
        adjustment.id = UUID.randomUUID();
        adjustment.projectId = projectId;
        adjustment.fundingLineId = line.id;
        adjustment.amount = amount;
        adjustment.reason = request.reason().strip();
        adjustment.documentRef = request.documentRef();
        adjustment.adjustedOn = request.adjustedOn();
        adjustment.recordedAt = OffsetDateTime.now();
        adjustment.recordedBy = caller.subject();
        adjustment.persist();
        events.budgetAdjusted(project, adjustment, line, w.lines());
        countAfterCommit("BUDGET_ADJUSTMENT");
        return BudgetAdjustmentView.of(adjustment);
    }

    public List<BudgetAdjustmentView> adjustments(UUID projectId) {
        projects.visible(projectId);
        List<BudgetAdjustment> history = BudgetAdjustment.list("projectId = ?1 order by recordedAt", projectId);
        return history.stream().map(BudgetAdjustmentView::of).toList();
    }

    /**
     * A page of the ledger in the order its entries were committed: those after the entry {@code after}
     * (from the first when null). A page read later continues where it left off: entries are only ever
     * appended, each after every entry of its project committed before it.
     */
    public LedgerView ledger(UUID projectId, String after, int size) {
        Project project = projects.visible(projectId);
        List<LedgerEntry> fetched;
        if (after == null) {
            fetched = LedgerEntry.find("from LedgerEntry e where e.projectId = ?1 order by e.position", projectId)
                    .page(0, size + 1).list();
        } else {
            LedgerEntry cursor = LedgerEntry.findById(KeysetPages.cursor(after, LEDGER_ENTRY));
            if (cursor == null || !cursor.projectId.equals(projectId)) {
                throw KeysetPages.notACursor(LEDGER_ENTRY);
            }
            fetched = LedgerEntry.find("from LedgerEntry e where e.projectId = ?1 and e.position > ?2 order by e.position",
                    projectId, cursor.position).page(0, size + 1).list();
        }
        KeysetPages.Page<LedgerEntry> page = KeysetPages.of(fetched, size, entry -> entry.id);
        String next = page.continueAfter() == null ? null
                : "/api/projects/" + projectId + "/ledger?after=" + page.continueAfter() + "&limit=" + size;
        return new LedgerView(BalanceView.of(project, FundingLine.ofProject(projectId)),
                page.items().stream().map(LedgerEntryView::of).toList(), next);
    }

    public BalanceView balance(UUID projectId) {
        Project project = projects.visible(projectId);
        return BalanceView.of(project, FundingLine.ofProject(projectId));
    }

    private LedgerEntryView append(Project project, List<FundingLine> lines, FundingLine line, LedgerEntryKind kind,
            BigDecimal amount, LocalDate businessDate, String counterparty, String purpose, String reference,
            UUID reverses) {
        LedgerEntry entry = LedgerEntry.of(project.id, line.id, kind, amount, businessDate, counterparty, purpose,
                reference, reverses, caller.subject());
        entry.persist();
        events.ledgerEntryRecorded(project, entry, line, lines);
        countAfterCommit(kind.name());
        return LedgerEntryView.of(entry);
    }

    /** What a write to one funding line works on, under its project's lock. */
    private record LineWrite(Project project, List<FundingLine> lines, FundingLine line) {
    }

    /** Locks the project (one the caller may see, its year open) and takes the line named, the date checked. */
    private LineWrite lineWrite(UUID projectId, UUID fundingLineId, String dateField, LocalDate date) {
        Project project = projects.lockVisible(projectId);
        OpenYears.requireOpen(project);
        List<FundingLine> lines = FundingLine.ofProject(projectId);
        FundingLine line = FundsRules.line(project, lines, fundingLineId);
        MoneyDates.require(dateField, date, project, line, calendar.today());
        return new LineWrite(project, lines, line);
    }

    /**
     * Arrival reversals are the portal's (it records arrivals); disbursement reversals the department's. Nobody
     * else moves money (DESIGN §9: not even an admin).
     */
    private void requireMayReverse(LedgerEntryKind kind) {
        boolean allowed = switch (kind) {
            case ARRIVAL -> caller.hasRole(Roles.PORTAL_CLIENT);
            case DISBURSEMENT -> caller.hasRole(Roles.DEPT_USER) || caller.hasRole(Roles.DEPT_LEAD);
            default -> false;
        };
        if (!allowed) {
            throw ProblemException.forbidden("your role may not reverse a " + kind.name().toLowerCase() + " entry");
        }
    }

    private void countAfterCommit(String kind) {
        afterCommit.run(() -> registry.counter("jixiao.ledger.writes", "kind", kind).increment());
    }
}
