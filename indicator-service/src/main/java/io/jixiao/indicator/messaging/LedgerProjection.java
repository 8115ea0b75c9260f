package io.jixiao.indicator.messaging;

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

import io.jixiao.common.inbox.EventHandler;
import io.jixiao.common.inbox.IncomingEvent;
import io.jixiao.common.inbox.SubjectNotKnownYet;
import io.jixiao.common.money.Funds;
import io.jixiao.events.Actor;
import io.jixiao.events.FundingLineBudget;
import io.jixiao.events.LedgerMoved;
import io.jixiao.events.ProjectEvent;
import io.jixiao.events.Totals;
import io.jixiao.events.budget.FundingLineAdded;
import io.jixiao.events.budget.ProjectRegistered;
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
            if (event.data() instanceof ProjectEvent p) {
                projects.add(p.projectId());
            }
            if (event.data() instanceof LedgerMoved m) {
                lines.add(m.fundingLineId());
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
        if (event.data() instanceof ProjectRegistered registered) {
            registered(registered);
        } else if (event.data() instanceof FundingLineAdded added) {
            ProjectLedger known = known(added);
            line(known.projectId, added.fundingLine());
            totals(known, added.projectTotals());
        } else if (event.data() instanceof LedgerMoved moved) {
            ProjectLedger known = known(moved);
            FundingLineLedger line = FundingLineLedger.findById(moved.fundingLineId());
            if (line != null) {
                copy(line, moved.lineTotals());
            }
            totals(known, moved.projectTotals());
        }
        // departments and declared figures: nothing of ours
    }

    @Override
    public void applied(List<IncomingEvent> events) {
        // each project's last actor, in the order the projects first moved
        Map<UUID, Actor> moved = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            if (event.data() instanceof ProjectEvent p) {
                moved.put(p.projectId(), p.actor());
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

    private void registered(ProjectRegistered p) {
        ProjectLedger project = ProjectLedger.findById(p.projectId());
        if (project == null) {
            project = new ProjectLedger();
            project.projectId = p.projectId();
        }
        project.departmentCode = p.departmentCode();
        project.fiscalYear = p.fiscalYear();
        project.name = p.name();
        project.category = p.category();
        // arrived and spent stay as the ledger's events left them (zero for a new project)
        project.funds.budget = p.budget();
        project.updatedAt = OffsetDateTime.now();
        project.persist();
        for (FundingLineBudget line : p.fundingLines()) {
            line(p.projectId(), line);
        }
    }

    private static void line(UUID projectId, FundingLineBudget line) {
        FundingLineLedger ledger = FundingLineLedger.findById(line.fundingLineId());
        if (ledger == null) {
            ledger = new FundingLineLedger();
            ledger.fundingLineId = line.fundingLineId();
            ledger.projectId = projectId;
        }
        ledger.name = line.name();
        ledger.funds.budget = line.amount();
        ledger.persist();
    }

    /**
     * The project the event is about. Its registration comes first on the project's partition; should an event
     * still come before it (the registration lost, the topic repartitioned), the event is parked until it is seen.
     */
    private static ProjectLedger known(ProjectEvent event) {
        ProjectLedger project = ProjectLedger.findById(event.projectId());
        if (project == null) {
            throw new SubjectNotKnownYet("project/" + event.projectId());
        }
        return project;
    }

    @Override
    public Set<String> registers(IncomingEvent event) {
        return event.data() instanceof ProjectRegistered p ? Set.of("project/" + p.projectId()) : Set.of();
    }

    private static void totals(ProjectLedger project, Totals totals) {
        project.funds = funds(totals);
        project.updatedAt = OffsetDateTime.now();
    }

    private static void copy(FundingLineLedger line, Totals totals) {
        line.funds = funds(totals);
    }

    private static Funds funds(Totals totals) {
        return new Funds(totals.budget(), totals.arrived(), totals.spent());
    }
}
