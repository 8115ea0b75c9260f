package io.jixiao.report.messaging;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.jixiao.common.inbox.EventHandler;
import io.jixiao.common.inbox.IncomingEvent;
import io.jixiao.common.inbox.SubjectNotKnownYet;
import io.jixiao.events.EventTypes;
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
            JsonNode p = event.payload();
            switch (event.type()) {
                case EventTypes.BUDGET_ADJUSTED, EventTypes.FUNDS_ARRIVED, EventTypes.FUNDS_SPENT,
                        EventTypes.ARRIVAL_REVERSED, EventTypes.DISBURSEMENT_REVERSED -> {
                    projects.add(id(p, "projectId"));
                    lines.add(id(p, "fundingLineId"));
                }
                case EventTypes.PROJECT_REGISTERED -> {
                    projects.add(id(p, "projectId"));
                    p.withArray("fundingLines").forEach(line -> lines.add(id(line, "fundingLineId")));
                }
                case EventTypes.FUNDING_LINE_ADDED -> {
                    projects.add(id(p, "projectId"));
                    lines.add(id(p.get("fundingLine"), "fundingLineId"));
                }
                case EventTypes.INDICATOR_DEFINED, EventTypes.INDICATOR_ACTUAL_CHANGED ->
                        indicators.add(id(p, "indicatorId"));
                default -> {
                    // departments, goals, declared figures and scores are few: found one by one
                }
            }
        }
        rows.read(projects, lines, indicators);
    }

    @Override
    public void apply(IncomingEvent event) {
        JsonNode p = event.payload();
        switch (event.type()) {
            case EventTypes.DEPARTMENT_REGISTERED -> department(p);
            case EventTypes.PROJECT_REGISTERED -> project(p, event);
            case EventTypes.FUNDING_LINE_ADDED -> {
                Project project = known(p);
                line(project.id, p.get("fundingLine"));
                totals(project, p.get("projectTotals"));
            }
            case EventTypes.BUDGET_ADJUSTED, EventTypes.FUNDS_ARRIVED, EventTypes.FUNDS_SPENT,
                    EventTypes.ARRIVAL_REVERSED, EventTypes.DISBURSEMENT_REVERSED -> moneyMoved(p);
            case EventTypes.DECLARED_FIGURES_RECORDED -> declared(p);
            case EventTypes.GOAL_DEFINED -> goal(p);
            case EventTypes.INDICATOR_DEFINED -> indicator(p, event);
            case EventTypes.INDICATOR_ACTUAL_CHANGED -> actual(p);
            case EventTypes.DEPARTMENT_YEAR_SCORED -> score(p);
            default -> {
                // a type of ours that the report does not use
            }
        }
    }

    private static void department(JsonNode p) {
        Department d = Department.findById(p.get("departmentCode").asText());
        if (d == null) {
            d = new Department();
            d.code = p.get("departmentCode").asText();
        }
        d.name = p.get("name").asText();
        d.persist();
    }

    private void project(JsonNode p, IncomingEvent event) {
        UUID id = id(p, "projectId");
        Project project = rows.project(id);
        if (project == null) {
            project = new Project();
            project.id = id;
            project.arrived = BigDecimal.ZERO.setScale(2);
            project.spent = BigDecimal.ZERO.setScale(2);
            rows.registered(project);
        }
        project.departmentCode = p.get("departmentCode").asText();
        project.fiscalYear = p.get("fiscalYear").asInt();
        project.name = p.get("name").asText();
        project.category = p.get("category").asText();
        project.fundSource = text(p, "fundSource");
        project.legalBasis = text(p, "legalBasis");
        project.paidOnBehalf = p.path("paidOnBehalf").asBoolean(false);
        project.parentProjectId = optionalId(p, "parentProjectId");
        project.budget = yuan(p.get("budget"));
        project.registeredAt = event.time();
        project.persist();
        for (JsonNode line : p.withArray("fundingLines")) {
            line(id, line);
        }
    }

    private void line(UUID projectId, JsonNode line) {
        UUID id = id(line, "fundingLineId");
        FundingLine l = rows.line(id);
        if (l == null) {
            l = new FundingLine();
            l.id = id;
            l.projectId = projectId;
            l.arrived = BigDecimal.ZERO.setScale(2);
            l.spent = BigDecimal.ZERO.setScale(2);
            rows.registered(l);
        }
        l.name = line.get("name").asText();
        l.budget = yuan(line.get("amount"));
        JsonNode year = line.get("carriedOverFromYear");
        l.carriedOverFromYear = year == null || year.isNull() ? null : year.asInt();
        l.persist();
    }

    private void moneyMoved(JsonNode p) {
        Project project = known(p);
        FundingLine line = rows.line(id(p, "fundingLineId"));
        if (line != null) {
            JsonNode t = p.get("lineTotals");
            line.budget = yuan(t.get("budget"));
            line.arrived = yuan(t.get("arrived"));
            line.spent = yuan(t.get("spent"));
        }
        totals(project, p.get("projectTotals"));
    }

    /**
     * The project a money event is about. Its registration comes first on the project's partition; should an event
     * still come before it, the event is parked until it is seen.
     */
    private Project known(JsonNode p) {
        Project project = rows.project(id(p, "projectId"));
        if (project == null) {
            throw new SubjectNotKnownYet("project/" + p.get("projectId").asText());
        }
        return project;
    }

    @Override
    public Set<String> registers(IncomingEvent event) {
        return switch (event.type()) {
            case EventTypes.PROJECT_REGISTERED -> Set.of("project/" + event.payload().get("projectId").asText());
            case EventTypes.INDICATOR_DEFINED -> Set.of("indicator/" + event.payload().get("indicatorId").asText());
            default -> Set.of();
        };
    }

    private static void totals(Project project, JsonNode t) {
        project.budget = yuan(t.get("budget"));
        project.arrived = yuan(t.get("arrived"));
        project.spent = yuan(t.get("spent"));
    }

    private static void declared(JsonNode p) {
        DepartmentYear key = new DepartmentYear(p.get("departmentCode").asText(), p.get("fiscalYear").asInt());
        DeclaredFigures d = DeclaredFigures.findById(key);
        if (d == null) {
            d = new DeclaredFigures();
            d.departmentCode = key.departmentCode();
            d.fiscalYear = key.fiscalYear();
        }
        d.approvedTotal = yuan(p.get("approvedTotal"));
        d.fundsAllocated = yuan(p.get("fundsAllocated"));
        d.projectCounts = p.get("projectCounts").toString();
        d.projectCount = p.get("projectCount").asInt();
        d.persist();
    }

    private static void goal(JsonNode p) {
        UUID id = id(p, "goalId");
        Goal g = Goal.findById(id);
        if (g == null) {
            g = new Goal();
            g.id = id;
        }
        g.departmentCode = p.get("departmentCode").asText();
        g.fiscalYear = p.get("fiscalYear").asInt();
        g.projectId = optionalId(p, "projectId");
        g.text = p.get("text").asText();
        g.position = p.get("position").asInt();
        g.persist();
    }

    private void indicator(JsonNode p, IncomingEvent event) {
        UUID id = id(p, "indicatorId");
        Indicator i = rows.indicator(id);
        if (i == null) {
            i = new Indicator();
            i.id = id;
            rows.registered(i);
        }
        i.departmentCode = p.get("departmentCode").asText();
        i.fiscalYear = p.get("fiscalYear").asInt();
        i.projectId = optionalId(p, "projectId");
        i.level1 = p.get("level1").asText();
        i.level2 = p.get("level2").asText();
        i.name = p.get("name").asText();
        i.direction = p.get("direction").asText();
        i.target = decimal(p, "target");
        i.targetText = text(p, "targetText");
        i.unit = text(p, "unit");
        i.weight = decimal(p, "weight");
        i.notApplicable = p.path("notApplicable").asBoolean(false);
        i.actualSource = p.get("actualSource").asText();
        i.ledgerMeasure = text(p, "ledgerMeasure");
        i.fundingLineId = optionalId(p, "fundingLineId");
        i.definedAt = event.time();
        i.persist();
    }

    private void actual(JsonNode p) {
        Indicator i = rows.indicator(id(p, "indicatorId"));
        if (i == null) {
            // its definition comes first on the same partition; should it not, the change waits for it, parked
            throw new SubjectNotKnownYet("indicator/" + p.get("indicatorId").asText());
        }
        i.actual = decimal(p, "actual");
        i.actualText = text(p, "actualText");
        i.numerator = decimal(p, "numerator");
        i.denominator = decimal(p, "denominator");
        i.qualitativeTier = text(p, "qualitativeTier");
        i.qualitativeScore = decimal(p, "qualitativeScore");
        i.deviationReason = text(p, "deviationReason");
        i.remedy = text(p, "remedy");
    }

    private static void score(JsonNode p) {
        DepartmentYear key = new DepartmentYear(p.get("departmentCode").asText(), p.get("fiscalYear").asInt());
        Score s = Score.findById(key);
        if (s == null) {
            s = new Score();
            s.departmentCode = key.departmentCode();
            s.fiscalYear = key.fiscalYear();
        }
        s.scoreId = id(p, "scoreId");
        s.policy = p.get("policy").asText();
        s.total = decimal(p, "total");
        s.grade = p.get("grade").asText();
        s.executionRate = decimal(p, "executionRate");
        s.budget = decimal(p, "budget");
        s.spent = decimal(p, "spent");
        s.groups = p.get("groups").toString();
        s.indicators = p.get("indicators").toString();
        s.requiredExplanations = p.get("requiredExplanations").toString();
        s.persist();
    }

    private static UUID id(JsonNode node, String field) {
        return UUID.fromString(node.get(field).asText());
    }

    private static UUID optionalId(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : UUID.fromString(value.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : new BigDecimal(value.asText());
    }

    private static BigDecimal yuan(JsonNode value) {
        return new BigDecimal(value.asText());
    }
}
