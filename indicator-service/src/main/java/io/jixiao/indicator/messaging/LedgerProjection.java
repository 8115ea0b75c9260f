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
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

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
 * <p>A batch's totals are written set-based ({@link LedgerTotals}): the projects it moves are read once,
 * read-only, and their totals written by one statement per table after the batch, so Hibernate neither keeps
 * snapshots of them nor updates them row by row. Registrations and new lines, rare, stay entity writes.
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

    @Inject
    LedgerTotals totals;

    @Inject
    EntityManager em;

    /**
     * Loads the projects a batch moves in one query, read-only: their totals are written by {@link LedgerTotals},
     * and the ledger-fed indicators read them from the session afterwards.
     */
    @Override
    public void prepare(List<IncomingEvent> events) {
        Set<UUID> projects = new HashSet<>();
        for (IncomingEvent event : events) {
            if (event.data() instanceof ProjectEvent p) {
                projects.add(p.projectId());
            }
        }
        if (!projects.isEmpty()) {
            ProjectLedger.find("projectId in ?1", projects).withHint(HibernateHints.HINT_READ_ONLY, true).list();
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
            totals.line(moved.fundingLineId(), moved.lineTotals());
            totals(known, moved.projectTotals());
        }
        // departments and declared figures: nothing of ours
    }

    @Override
    public void applied(List<IncomingEvent> events) {
        // registrations and new lines first, then the batch's last totals over them, in one statement per table
        em.flush();
        em.unwrap(Session.class).doWork(totals::write);
        // a line registered or added in this batch is in the session as it was then: read its totals back
        totals.linesToReadBack().forEach(em::refresh);
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
        } else {
            // read read-only by prepare: what the registration changes is written as an entity's change
            em.unwrap(Session.class).setReadOnly(project, false);
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

    private void line(UUID projectId, FundingLineBudget line) {
        FundingLineLedger ledger = FundingLineLedger.findById(line.fundingLineId());
        if (ledger == null) {
            ledger = new FundingLineLedger();
            ledger.fundingLineId = line.fundingLineId();
            ledger.projectId = projectId;
        }
        ledger.name = line.name();
        ledger.funds.budget = line.amount();
        ledger.persist();
        totals.lineWritten(ledger);
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

    /** In the session for the indicators that follow, and in the batch's totals for the table. */
    private void totals(ProjectLedger project, Totals after) {
        project.funds = funds(after);
        project.updatedAt = OffsetDateTime.now();
        totals.project(project.projectId, after);
    }

    private static Funds funds(Totals totals) {
        return new Funds(totals.budget(), totals.arrived(), totals.spent());
    }
}
