package io.jixiao.report.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.jixiao.common.inbox.EventHandler;
import io.jixiao.common.inbox.IncomingEvent;
import io.jixiao.common.inbox.SubjectNotKnownYet;
import io.jixiao.events.EventJson;
import io.jixiao.events.EventPayload;
import io.jixiao.events.FundingLineBudget;
import io.jixiao.events.LedgerMoved;
import io.jixiao.events.ProjectEvent;
import io.jixiao.events.Totals;
import io.jixiao.events.budget.DeclaredFiguresRecorded;
import io.jixiao.events.budget.DepartmentRegistered;
import io.jixiao.events.budget.FundingLineAdded;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.events.indicator.DepartmentYearScored;
import io.jixiao.events.indicator.GoalDefined;
import io.jixiao.events.indicator.IndicatorActualChanged;
import io.jixiao.events.indicator.IndicatorDefined;
import io.jixiao.report.DeclaredFigures;
import io.jixiao.report.Department;
import io.jixiao.report.DepartmentYear;
import io.jixiao.report.FundingLine;
import io.jixiao.report.Goal;
import io.jixiao.report.Indicator;
import io.jixiao.report.Project;
import io.jixiao.report.Score;

/**
 * Applies budget.events and indicator.events to report-service's own tables: everything a report is
 * assembled from. Never calls the other services, so the tables can be rebuilt by a replay. Each
 * money event carries the totals after it, and a project's events arrive in order, so applying the
 * latest totals is enough; applying an event twice is prevented by the inbox.
 */
@ApplicationScoped
public class ReadModelProjection implements EventHandler {

    @Inject
    BatchRows rows;

    @Inject
    BatchTotals totals;

    @Inject
    EntityManager em;

    /**
     * Reads the projects, funding lines and indicators a batch moves or registers in three queries, so
     * applying its events finds them by id instead of reading them one by one.
     */
    @Override
    public void prepare(List<IncomingEvent> events) {
        Set<UUID> projects = new HashSet<>();
        Set<UUID> lines = new HashSet<>();
        Set<UUID> indicators = new HashSet<>();
        for (IncomingEvent event : events) {
            EventPayload data = event.data();
            if (data instanceof ProjectEvent p) {
                projects.add(p.projectId());
            }
            // a money event's line is not read: its totals are written set-based (applied)
            if (data instanceof ProjectRegistered p) {
                p.fundingLines().forEach(line -> lines.add(line.fundingLineId()));
            } else if (data instanceof FundingLineAdded p) {
                lines.add(p.fundingLine().fundingLineId());
            } else if (data instanceof IndicatorDefined i) {
                indicators.add(i.indicatorId());
            } else if (data instanceof IndicatorActualChanged i) {
                indicators.add(i.indicatorId());
            }
            // departments, goals, declared figures and scores are few: found one by one
        }
        rows.read(projects, lines, indicators);
    }

    /** Registrations and new lines first, then the batch's last totals over them, one statement per table. */
    @Override
    public void applied(List<IncomingEvent> events) {
        em.flush();
        em.unwrap(Session.class).doWork(totals::write);
    }

    @Override
    public void apply(IncomingEvent event) {
        EventPayload data = event.data();
        if (data instanceof DepartmentRegistered d) {
            department(d);
        } else if (data instanceof ProjectRegistered p) {
            project(p, event);
        } else if (data instanceof FundingLineAdded p) {
            Project project = known(p);
            line(project.id, p.fundingLine());
            totals(project, p.projectTotals());
        } else if (data instanceof LedgerMoved m) {
            moneyMoved(m);
        } else if (data instanceof DeclaredFiguresRecorded d) {
            declared(d);
        } else if (data instanceof GoalDefined g) {
            goal(g);
        } else if (data instanceof IndicatorDefined i) {
            indicator(i, event);
        } else if (data instanceof IndicatorActualChanged i) {
            actual(i);
        } else if (data instanceof DepartmentYearScored s) {
            score(s);
        }
        // any other type of ours is not used by the report
    }

    private static void department(DepartmentRegistered p) {
        Department d = Department.findById(p.departmentCode());
        if (d == null) {
            d = new Department();
            d.code = p.departmentCode();
        }
        d.name = p.name();
        d.persist();
    }

    private void project(ProjectRegistered p, IncomingEvent event) {
        Project project = rows.project(p.projectId());
        if (project == null) {
            project = new Project();
            project.id = p.projectId();
            rows.registered(project);
        } else {
            // BatchRows reads projects read-only: what a registration changes is written as an entity's change
            em.unwrap(Session.class).setReadOnly(project, false);
        }
        project.departmentCode = p.departmentCode();
        project.fiscalYear = p.fiscalYear();
        project.name = p.name();
        project.category = p.category();
        project.fundSource = p.fundSource();
        project.legalBasis = p.legalBasis();
        project.paidOnBehalf = p.paidOnBehalf();
        project.parentProjectId = p.parentProjectId();
        project.funds.budget = p.budget();
        project.registeredAt = event.time();
        project.persist();
        for (FundingLineBudget line : p.fundingLines()) {
            line(p.projectId(), line);
        }
    }

    private void line(UUID projectId, FundingLineBudget line) {
        FundingLine l = rows.line(line.fundingLineId());
        if (l == null) {
            l = new FundingLine();
            l.id = line.fundingLineId();
            l.projectId = projectId;
            rows.registered(l);
        }
        l.name = line.name();
        l.funds.budget = line.amount();
        l.carriedOverFromYear = line.carriedOverFromYear();
        l.persist();
    }

    private void moneyMoved(LedgerMoved p) {
        Project project = known(p);
        totals.line(p.fundingLineId(), p.lineTotals());
        totals(project, p.projectTotals());
    }

    /**
     * The project a money event is about. Its registration comes first on the project's partition; should an event
     * still come before it, the event is parked until it is seen.
     */
    private Project known(ProjectEvent p) {
        Project project = rows.project(p.projectId());
        if (project == null) {
            throw new SubjectNotKnownYet("project/" + p.projectId());
        }
        return project;
    }

    @Override
    public Set<String> registers(IncomingEvent event) {
        if (event.data() instanceof ProjectRegistered p) {
            return Set.of("project/" + p.projectId());
        }
        if (event.data() instanceof IndicatorDefined i) {
            return Set.of("indicator/" + i.indicatorId());
        }
        return Set.of();
    }

    /**
     * Recorded for the batch's set-based write ({@link #applied}), not set on the entity: an entity update per
     * project would cost more than the event. The session's copy keeps the totals it was read with; nothing in
     * the consumer's transaction reads them.
     */
    private void totals(Project project, Totals t) {
        totals.project(project.id, t);
    }

    private static void declared(DeclaredFiguresRecorded p) {
        DepartmentYear key = new DepartmentYear(p.departmentCode(), p.fiscalYear());
        DeclaredFigures d = DeclaredFigures.findById(key);
        if (d == null) {
            d = new DeclaredFigures();
            d.departmentCode = key.departmentCode();
            d.fiscalYear = key.fiscalYear();
        }
        d.approvedTotal = p.approvedTotal();
        d.fundsAllocated = p.fundsAllocated();
        d.projectCounts = EventJson.tree(p.projectCounts()).toString();
        d.projectCount = p.projectCount();
        d.persist();
    }

    private static void goal(GoalDefined p) {
        Goal g = Goal.findById(p.goalId());
        if (g == null) {
            g = new Goal();
            g.id = p.goalId();
        }
        g.departmentCode = p.departmentCode();
        g.fiscalYear = p.fiscalYear();
        g.projectId = p.projectId();
        g.text = p.text();
        g.position = p.position();
        g.persist();
    }

    private void indicator(IndicatorDefined p, IncomingEvent event) {
        Indicator i = rows.indicator(p.indicatorId());
        if (i == null) {
            i = new Indicator();
            i.id = p.indicatorId();
            rows.registered(i);
        }
        i.departmentCode = p.departmentCode();
        i.fiscalYear = p.fiscalYear();
        i.projectId = p.projectId();
        i.level1 = p.level1();
        i.level2 = p.level2();
        i.name = p.name();
        i.direction = p.direction();
        i.target = p.target();
        i.targetText = p.targetText();
        i.unit = p.unit();
        i.weight = p.weight();
        i.notApplicable = p.notApplicable();
        i.actualSource = p.actualSource();
        i.ledgerMeasure = p.ledgerMeasure();
        i.fundingLineId = p.fundingLineId();
        i.definedAt = event.time();
        i.persist();
    }

    private void actual(IndicatorActualChanged p) {
        Indicator i = rows.indicator(p.indicatorId());
        if (i == null) {
            // its definition comes first on the same partition; should it not, the change waits for it, parked
            throw new SubjectNotKnownYet("indicator/" + p.indicatorId());
        }
        i.actual = p.actual();
        i.actualText = p.actualText();
        i.numerator = p.numerator();
        i.denominator = p.denominator();
        i.qualitativeTier = p.qualitativeTier();
        i.qualitativeScore = p.qualitativeScore();
        i.deviationReason = p.deviationReason();
        i.remedy = p.remedy();
    }

    private static void score(DepartmentYearScored p) {
        DepartmentYear key = new DepartmentYear(p.departmentCode(), p.fiscalYear());
        Score s = Score.findById(key);
        if (s == null) {
            s = new Score();
            s.departmentCode = key.departmentCode();
            s.fiscalYear = key.fiscalYear();
        }
        s.scoreId = p.scoreId();
        s.policy = p.policy();
        s.total = p.total();
        s.grade = p.grade();
        s.executionRate = p.executionRate();
        s.budget = p.budget();
        s.spent = p.spent();
        // kept as the event carried them, for the report's tables
        s.groups = EventJson.tree(p.groups()).toString();
        s.indicators = EventJson.tree(p.indicators()).toString();
        s.requiredExplanations = EventJson.tree(p.requiredExplanations()).toString();
        s.persist();
    }
}
