package io.jixiao.budget.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.jixiao.budget.BudgetAdjustment;
import io.jixiao.budget.DeclaredFigures;
import io.jixiao.budget.Department;
import io.jixiao.budget.FundingLine;
import io.jixiao.budget.LedgerEntry;
import io.jixiao.budget.Project;
import io.jixiao.common.money.Funds;
import io.jixiao.common.money.Yuan;
import io.jixiao.common.outbox.OutboxEvent;
import io.jixiao.common.outbox.OutboxWriter;
import io.jixiao.common.security.Caller;
import io.jixiao.common.time.BusinessCalendar;
import io.jixiao.events.Actor;
import io.jixiao.events.FundingLineBudget;
import io.jixiao.events.LedgerMoved;
import io.jixiao.events.ProjectEvent;
import io.jixiao.events.Totals;
import io.jixiao.events.budget.ArrivalReversed;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.DeclaredFiguresRecorded;
import io.jixiao.events.budget.DepartmentRegistered;
import io.jixiao.events.budget.DisbursementReversed;
import io.jixiao.events.budget.FundingLineAdded;
import io.jixiao.events.budget.FundsArrived;
import io.jixiao.events.budget.FundsSpent;
import io.jixiao.events.budget.ProjectRegistered;

/**
 * The events budget-service publishes (records and schemas in event-contracts), appended to the outbox in the
 * caller's transaction. Every payload names the department, the fiscal year, the project and the business date,
 * carries amounts in yuan at two decimals, and records who caused it. Key: the project, or the department for
 * department events.
 */
@ApplicationScoped
public class BudgetEvents {

    @Inject
    OutboxWriter outbox;

    @Inject
    Caller caller;

    /** Registrations and declarations are dated the day they were recorded, in the departments' calendar. */
    @Inject
    BusinessCalendar calendar;

    public void departmentRegistered(Department department) {
        outbox.append(new DepartmentRegistered(department.code, department.name,
                calendar.dateOf(department.registeredAt), caller.actor()), department.code,
                "department/" + department.code);
    }

    public void projectRegistered(Project project, List<FundingLine> lines) {
        append(project, new ProjectRegistered(project.departmentCode, project.fiscalYear, project.id, project.name,
                project.category.name(), project.fundSource, project.legalBasis, project.paidOnBehalf,
                project.parentProjectId, Yuan.exact(FundingLine.totals(lines).budget),
                lines.stream().map(BudgetEvents::fundingLine).toList(), calendar.dateOf(project.registeredAt),
                caller.actor()));
    }

    public void fundingLineAdded(Project project, FundingLine line, List<FundingLine> lines) {
        append(project, new FundingLineAdded(project.departmentCode, project.fiscalYear, project.id,
                fundingLine(line), projectTotals(lines), calendar.dateOf(line.createdAt), caller.actor()));
    }

    public void budgetAdjusted(Project project, BudgetAdjustment adjustment, FundingLine line, List<FundingLine> lines) {
        append(project, new BudgetAdjusted(project.departmentCode, project.fiscalYear, project.id, adjustment.id,
                line.id, Yuan.exact(adjustment.amount), adjustment.reason, adjustment.documentRef, lineTotals(line),
                projectTotals(lines), adjustment.adjustedOn, caller.actor()));
    }

    public void ledgerEntryRecorded(Project project, LedgerEntry entry, FundingLine line, List<FundingLine> lines) {
        append(project, ledgerEntryPayload(project, entry, line, lines, caller.actor()));
    }

    /**
     * The event of a ledger entry, checked against its schema but not written: the disbursement group
     * commit inserts a whole batch's events itself, and names each one's actor because it runs outside
     * the request that caused it.
     */
    public OutboxEvent ledgerEntryEvent(Project project, LedgerEntry entry, FundingLine line, List<FundingLine> lines,
            Actor actor) {
        return outbox.prepare(ledgerEntryPayload(project, entry, line, lines, actor), project.id.toString(),
                "project/" + project.id);
    }

    private static LedgerMoved ledgerEntryPayload(Project project, LedgerEntry entry, FundingLine line,
            List<FundingLine> lines, Actor actor) {
        String department = project.departmentCode;
        int year = project.fiscalYear;
        LocalDate date = entry.businessDate;
        return switch (entry.kind) {
            case ARRIVAL -> new FundsArrived(department, year, project.id, entry.id, line.id, Yuan.exact(entry.amount),
                    entry.counterparty, entry.reference, lineTotals(line), projectTotals(lines), date, actor);
            case DISBURSEMENT -> new FundsSpent(department, year, project.id, entry.id, line.id,
                    Yuan.exact(entry.amount), entry.counterparty, entry.purpose, entry.reference, lineTotals(line),
                    projectTotals(lines), date, actor);
            case ARRIVAL_REVERSAL -> new ArrivalReversed(department, year, project.id, entry.id, line.id,
                    Yuan.exact(entry.amount), entry.reversesEntryId, entry.purpose, lineTotals(line),
                    projectTotals(lines), date, actor);
            case DISBURSEMENT_REVERSAL -> new DisbursementReversed(department, year, project.id, entry.id, line.id,
                    Yuan.exact(entry.amount), entry.reversesEntryId, entry.purpose, lineTotals(line),
                    projectTotals(lines), date, actor);
        };
    }

    public void declaredFiguresRecorded(DeclaredFigures declared) {
        Map<String, Integer> counts = new LinkedHashMap<>(); // in the categories' order
        declared.projectCounts().forEach((category, count) -> counts.put(category.name(), count));
        outbox.append(new DeclaredFiguresRecorded(declared.departmentCode, declared.fiscalYear,
                Yuan.exact(declared.approvedTotal), counts, declared.projectCount, Yuan.exact(declared.fundsAllocated),
                calendar.dateOf(declared.recordedAt), caller.actor()), declared.departmentCode,
                "department/" + declared.departmentCode);
    }

    private static FundingLineBudget fundingLine(FundingLine line) {
        return new FundingLineBudget(line.id, line.name, Yuan.exact(line.funds.budget), line.carriedOverFromYear);
    }

    private static Totals lineTotals(FundingLine line) {
        return totals(line.funds);
    }

    private static Totals projectTotals(List<FundingLine> lines) {
        return totals(FundingLine.totals(lines));
    }

    private static Totals totals(Funds funds) {
        return new Totals(Yuan.exact(funds.budget), Yuan.exact(funds.arrived), Yuan.exact(funds.spent));
    }

    private void append(Project project, ProjectEvent payload) {
        outbox.append(payload, project.id.toString(), "project/" + project.id);
    }
}
