package io.jixiao.budget.messaging;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.budget.BudgetAdjustment;
import io.jixiao.budget.DeclaredFigures;
import io.jixiao.budget.Department;
import io.jixiao.budget.FundingLine;
import io.jixiao.budget.LedgerEntry;
import io.jixiao.budget.Project;
import io.jixiao.common.money.Yuan;
import io.jixiao.common.outbox.OutboxEvent;
import io.jixiao.common.security.Actor;
import io.jixiao.common.security.Caller;
import io.jixiao.common.time.BusinessCalendar;
import io.jixiao.events.EventTypes;
import io.jixiao.common.outbox.OutboxWriter;

/**
 * The events budget-service publishes (schemas in event-contracts), appended to the outbox in the
 * caller's transaction. Every payload names the department, the fiscal year, the project and the
 * business date, carries amounts as yuan strings, and records who caused it.
 */
@ApplicationScoped
public class BudgetEvents {

    @Inject
    ObjectMapper json;

    @Inject
    OutboxWriter outbox;

    @Inject
    Caller caller;

    /** Registrations and declarations are dated the day they were recorded, in the departments' calendar. */
    @Inject
    BusinessCalendar calendar;

    public void departmentRegistered(Department department) {
        ObjectNode payload = json.createObjectNode()
                .put("departmentCode", department.code)
                .put("name", department.name)
                .put("businessDate", calendar.dateOf(department.registeredAt).toString());
        appendDepartmentEvent(EventTypes.DEPARTMENT_REGISTERED, department.code, payload);
    }

    public void projectRegistered(Project project, List<FundingLine> lines) {
        ObjectNode payload = projectHeader(project, calendar.dateOf(project.registeredAt))
                .put("name", project.name)
                .put("category", project.category.name())
                .put("fundSource", project.fundSource)
                .put("legalBasis", project.legalBasis)
                .put("paidOnBehalf", project.paidOnBehalf)
                .put("parentProjectId", project.parentProjectId == null ? null : project.parentProjectId.toString())
                .put("budget", Yuan.format(FundingLine.totals(lines).budget()));
        ArrayNode array = payload.putArray("fundingLines");
        lines.forEach(line -> array.add(fundingLine(line)));
        appendProjectEvent(EventTypes.PROJECT_REGISTERED, project, payload);
    }

    public void fundingLineAdded(Project project, FundingLine line, List<FundingLine> lines) {
        ObjectNode payload = projectHeader(project, calendar.dateOf(line.createdAt));
        payload.set("fundingLine", fundingLine(line));
        payload.set("projectTotals", projectTotals(lines));
        appendProjectEvent(EventTypes.FUNDING_LINE_ADDED, project, payload);
    }

    public void budgetAdjusted(Project project, BudgetAdjustment adjustment, FundingLine line, List<FundingLine> lines) {
        ObjectNode payload = projectHeader(project, adjustment.adjustedOn)
                .put("adjustmentId", adjustment.id.toString())
                .put("fundingLineId", line.id.toString())
                .put("amount", Yuan.format(adjustment.amount))
                .put("reason", adjustment.reason)
                .put("documentRef", adjustment.documentRef);
        payload.set("lineTotals", lineTotals(line));
        payload.set("projectTotals", projectTotals(lines));
        appendProjectEvent(EventTypes.BUDGET_ADJUSTED, project, payload);
    }

    public void ledgerEntryRecorded(Project project, LedgerEntry entry, FundingLine line, List<FundingLine> lines) {
        ProjectEvent event = ledgerEntryPayload(project, entry, line, lines);
        appendProjectEvent(event.type(), project, event.payload());
    }

    /**
     * The event of a ledger entry, checked against its schema but not written: the disbursement group
     * commit inserts a whole batch's events itself, and names each one's actor because it runs outside
     * the request that caused it.
     */
    public OutboxEvent ledgerEntryEvent(Project project, LedgerEntry entry, FundingLine line, List<FundingLine> lines,
            Actor actor) {
        ProjectEvent event = ledgerEntryPayload(project, entry, line, lines);
        event.payload().set("actor", actor.toJson(json));
        return outbox.prepare(event.type(), project.id.toString(), "project/" + project.id, event.payload());
    }

    private record ProjectEvent(String type, ObjectNode payload) {
    }

    private ProjectEvent ledgerEntryPayload(Project project, LedgerEntry entry, FundingLine line, List<FundingLine> lines) {
        ObjectNode payload = projectHeader(project, entry.businessDate)
                .put("entryId", entry.id.toString())
                .put("fundingLineId", line.id.toString())
                .put("amount", Yuan.format(entry.amount));
        String type = switch (entry.kind) {
            case ARRIVAL -> {
                payload.put("source", entry.counterparty).put("reference", entry.reference);
                yield EventTypes.FUNDS_ARRIVED;
            }
            case DISBURSEMENT -> {
                payload.put("payee", entry.counterparty).put("purpose", entry.purpose)
                        .put("voucherNumber", entry.reference);
                yield EventTypes.FUNDS_SPENT;
            }
            case ARRIVAL_REVERSAL -> {
                payload.put("reversedEntryId", entry.reversesEntryId.toString()).put("reason", entry.purpose);
                yield EventTypes.ARRIVAL_REVERSED;
            }
            case DISBURSEMENT_REVERSAL -> {
                payload.put("reversedEntryId", entry.reversesEntryId.toString()).put("reason", entry.purpose);
                yield EventTypes.DISBURSEMENT_REVERSED;
            }
        };
        payload.set("lineTotals", lineTotals(line));
        payload.set("projectTotals", projectTotals(lines));
        return new ProjectEvent(type, payload);
    }

    public void declaredFiguresRecorded(DeclaredFigures declared) {
        ObjectNode payload = json.createObjectNode()
                .put("departmentCode", declared.departmentCode)
                .put("fiscalYear", declared.fiscalYear)
                .put("approvedTotal", Yuan.format(declared.approvedTotal))
                .put("projectCount", declared.projectCount)
                .put("fundsAllocated", Yuan.format(declared.fundsAllocated))
                .put("businessDate", calendar.dateOf(declared.recordedAt).toString());
        ObjectNode counts = payload.putObject("projectCounts");
        declared.projectCounts().forEach((category, count) -> counts.put(category.name(), count));
        appendDepartmentEvent(EventTypes.DECLARED_FIGURES_RECORDED, declared.departmentCode, payload);
    }

    private ObjectNode projectHeader(Project project, LocalDate businessDate) {
        return json.createObjectNode()
                .put("departmentCode", project.departmentCode)
                .put("fiscalYear", project.fiscalYear)
                .put("projectId", project.id.toString())
                .put("businessDate", businessDate.toString());
    }

    private ObjectNode fundingLine(FundingLine line) {
        ObjectNode node = json.createObjectNode()
                .put("fundingLineId", line.id.toString())
                .put("name", line.name)
                .put("amount", Yuan.format(line.budget));
        node.put("carriedOverFromYear", line.carriedOverFromYear);
        return node;
    }

    private ObjectNode lineTotals(FundingLine line) {
        return json.createObjectNode()
                .put("budget", Yuan.format(line.budget))
                .put("arrived", Yuan.format(line.arrived))
                .put("spent", Yuan.format(line.spent));
    }

    private ObjectNode projectTotals(List<FundingLine> lines) {
        FundingLine.Totals totals = FundingLine.totals(lines);
        return json.createObjectNode()
                .put("budget", Yuan.format(totals.budget()))
                .put("arrived", Yuan.format(totals.arrived()))
                .put("spent", Yuan.format(totals.spent()));
    }

    private void appendProjectEvent(String type, Project project, ObjectNode payload) {
        payload.set("actor", actor());
        outbox.append(type, project.id.toString(), "project/" + project.id, payload);
    }

    private void appendDepartmentEvent(String type, String departmentCode, ObjectNode payload) {
        payload.set("actor", actor());
        outbox.append(type, departmentCode, "department/" + departmentCode, payload);
    }

    private ObjectNode actor() {
        return caller.actor().toJson(json);
    }

}
