package io.jixiao.indicator.messaging;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.jixiao.common.inbox.EventHandler;
import io.jixiao.common.inbox.IncomingEvent;
import io.jixiao.common.inbox.SubjectNotKnownYet;
import io.jixiao.common.security.Actor;
import io.jixiao.events.EventTypes;
import io.jixiao.indicator.FundingLineLedger;
import io.jixiao.indicator.ProjectLedger;
import io.jixiao.indicator.service.LedgerActuals;

/**
 * Keeps indicator-service's own view of the ledger from budget.events, then lets the ledger-fed
 * indicators follow. Every money event carries the project's and the line's totals after it; events
 * of a project arrive in order (one partition per project), so the latest totals are the truth.
 *
 * <p>The indicators follow once per batch, not once per event: a project with twenty disbursements in
 * one poll has its actuals recomputed, and an IndicatorActualChanged published, once, from the totals
 * after the last of them (by the actor of that last one). What the report shows is the same; the
 * intermediate values, already superseded when computed, are not published.
 */
@ApplicationScoped
public class LedgerProjection implements EventHandler {

    private static final Set<String> MOVES_THE_LEDGER = Set.of(EventTypes.PROJECT_REGISTERED,
            EventTypes.FUNDING_LINE_ADDED, EventTypes.BUDGET_ADJUSTED, EventTypes.FUNDS_ARRIVED, EventTypes.FUNDS_SPENT,
            EventTypes.ARRIVAL_REVERSED, EventTypes.DISBURSEMENT_REVERSED);

    @Inject
    LedgerActuals ledgerActuals;

    /**
     * Loads the projects and funding lines a batch moves in two queries, so applying its events finds
     * them in the session instead of reading them one by one.
     */
    @Override
    public void prepare(List<IncomingEvent> events) {
        Set<UUID> projects = new HashSet<>();
        Set<UUID> lines = new HashSet<>();
        for (IncomingEvent event : events) {
            if (MOVES_THE_LEDGER.contains(event.type())) {
                JsonNode p = event.payload();
                projects.add(UUID.fromString(p.get("projectId").asText()));
                JsonNode line = p.get("fundingLineId");
                if (line != null && !line.isNull()) {
                    lines.add(UUID.fromString(line.asText()));
                }
            }
        }
        if (!projects.isEmpty()) {
            ProjectLedger.list("projectId in ?1", projects);
        }
        if (!lines.isEmpty()) {
            FundingLineLedger.list("fundingLineId in ?1", lines);
        }
    }

    @Override
    public void apply(IncomingEvent event) {
        JsonNode p = event.payload();
        switch (event.type()) {
            case EventTypes.PROJECT_REGISTERED -> registered(p);
            case EventTypes.FUNDING_LINE_ADDED -> {
                ProjectLedger known = known(p);
                line(known.projectId, p.get("fundingLine"));
                totals(known, p.get("projectTotals"));
            }
            case EventTypes.BUDGET_ADJUSTED, EventTypes.FUNDS_ARRIVED, EventTypes.FUNDS_SPENT,
                    EventTypes.ARRIVAL_REVERSED, EventTypes.DISBURSEMENT_REVERSED -> {
                ProjectLedger known = known(p);
                FundingLineLedger line = FundingLineLedger.findById(UUID.fromString(p.get("fundingLineId").asText()));
                if (line != null) {
                    copy(line, p.get("lineTotals"));
                }
                totals(known, p.get("projectTotals"));
            }
            default -> {
                // departments and declared figures: nothing of ours
            }
        }
    }

    @Override
    public void applied(List<IncomingEvent> events) {
        // each project's last actor, in the order the projects first moved
        Map<UUID, Actor> moved = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            if (MOVES_THE_LEDGER.contains(event.type())) {
                JsonNode p = event.payload();
                moved.put(UUID.fromString(p.get("projectId").asText()), Actor.from(p.get("actor")));
            }
        }
        List<LedgerActuals.ProjectMoved> known = new ArrayList<>(moved.size());
        moved.forEach((projectId, actor) -> {
            ProjectLedger project = ProjectLedger.findById(projectId);
            if (project != null) {
                known.add(new LedgerActuals.ProjectMoved(project, actor));
            }
        });
        ledgerActuals.refresh(known);
    }

    private void registered(JsonNode p) {
        UUID id = UUID.fromString(p.get("projectId").asText());
        ProjectLedger project = ProjectLedger.findById(id);
        if (project == null) {
            project = new ProjectLedger();
            project.projectId = id;
        }
        project.departmentCode = p.get("departmentCode").asText();
        project.fiscalYear = p.get("fiscalYear").asInt();
        project.name = p.get("name").asText();
        project.category = p.get("category").asText();
        project.budget = new BigDecimal(p.get("budget").asText());
        project.arrived = project.arrived == null ? BigDecimal.ZERO.setScale(2) : project.arrived;
        project.spent = project.spent == null ? BigDecimal.ZERO.setScale(2) : project.spent;
        project.updatedAt = OffsetDateTime.now();
        project.persist();
        for (JsonNode line : p.withArray("fundingLines")) {
            line(id, line);
        }
    }

    private static void line(UUID projectId, JsonNode line) {
        UUID id = UUID.fromString(line.get("fundingLineId").asText());
        FundingLineLedger ledger = FundingLineLedger.findById(id);
        if (ledger == null) {
            ledger = new FundingLineLedger();
            ledger.fundingLineId = id;
            ledger.projectId = projectId;
            ledger.arrived = BigDecimal.ZERO.setScale(2);
            ledger.spent = BigDecimal.ZERO.setScale(2);
        }
        ledger.name = line.get("name").asText();
        ledger.budget = new BigDecimal(line.get("amount").asText());
        ledger.persist();
    }

    /**
     * The project the event is about. Its registration comes first on the project's partition; should an event
     * still come before it (the registration lost, the topic repartitioned), the event is parked until it is seen.
     */
    private static ProjectLedger known(JsonNode p) {
        ProjectLedger project = ProjectLedger.findById(UUID.fromString(p.get("projectId").asText()));
        if (project == null) {
            throw new SubjectNotKnownYet("project/" + p.get("projectId").asText());
        }
        return project;
    }

    @Override
    public Set<String> registers(IncomingEvent event) {
        return EventTypes.PROJECT_REGISTERED.equals(event.type())
                ? Set.of("project/" + event.payload().get("projectId").asText()) : Set.of();
    }

    private static void totals(ProjectLedger project, JsonNode totals) {
        project.budget = new BigDecimal(totals.get("budget").asText());
        project.arrived = new BigDecimal(totals.get("arrived").asText());
        project.spent = new BigDecimal(totals.get("spent").asText());
        project.updatedAt = OffsetDateTime.now();
    }

    private static void copy(FundingLineLedger line, JsonNode totals) {
        line.budget = new BigDecimal(totals.get("budget").asText());
        line.arrived = new BigDecimal(totals.get("arrived").asText());
        line.spent = new BigDecimal(totals.get("spent").asText());
    }
}
