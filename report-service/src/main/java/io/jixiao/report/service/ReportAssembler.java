package io.jixiao.report.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.common.money.Decimals;
import io.jixiao.common.money.Yuan;
import io.jixiao.report.monitoring.Colour;
import io.jixiao.report.monitoring.Progress;
import io.jixiao.common.time.BusinessCalendar;
import io.jixiao.report.DeclaredFigures;
import io.jixiao.report.Department;
import io.jixiao.report.DepartmentYear;
import io.jixiao.report.FundingLine;
import io.jixiao.report.Goal;
import io.jixiao.report.Indicator;
import io.jixiao.report.NarrativeSection;
import io.jixiao.report.Project;
import io.jixiao.report.Score;
import io.jixiao.report.mapping.Labels;
import io.jixiao.report.mapping.NarrativeKeys;
import io.jixiao.report.mapping.SelfEvaluationReport;
import io.jixiao.report.mapping.SelfEvaluationReport.CategoryLine;
import io.jixiao.report.mapping.SelfEvaluationReport.FundingLineLine;
import io.jixiao.report.mapping.SelfEvaluationReport.GoalLine;
import io.jixiao.report.mapping.SelfEvaluationReport.GroupScore;
import io.jixiao.report.mapping.SelfEvaluationReport.IndicatorLine;
import io.jixiao.report.mapping.SelfEvaluationReport.MonitoredProject;
import io.jixiao.report.mapping.SelfEvaluationReport.ProjectLine;
import io.jixiao.report.mapping.SelfEvaluationReport.ScoreSummary;
import io.jixiao.report.mapping.SelfEvaluationReport.Totals;
import io.jixiao.report.reconciliation.Finding;
import io.jixiao.report.reconciliation.Reconciler;

/**
 * Assembles a department-year's report from the read model alone: figures computed from the
 * ledger's sums (rounded once, for display), the indicator table with the latest scores, the
 * reconciliation findings, monitoring colours, and the department's own text.
 */
@ApplicationScoped
public class ReportAssembler {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final List<String> CATEGORIES = List.of("OPENING_BUDGET", "NON_TAX_REVENUE", "MID_YEAR_ADJUSTMENT",
            "HIGHER_LEVEL_SPECIAL", "CARRY_OVER");
    private static final List<String> LEVEL1 = List.of("COST", "OUTPUT", "BENEFIT", "SATISFACTION");

    @Inject
    ObjectMapper json;

    @Inject
    BusinessCalendar calendar;

    public SelfEvaluationReport assemble(String departmentCode, int fiscalYear) {
        Department department = Department.findById(departmentCode);
        List<Project> projects = Project.ofDepartmentYear(departmentCode, fiscalYear);
        projects.sort(Comparator.comparing((Project p) -> CATEGORIES.indexOf(p.category))
                .thenComparing(p -> p.registeredAt).thenComparing(p -> p.name));
        Map<UUID, Project> byId = projects.stream().collect(Collectors.toMap(p -> p.id, p -> p, (a, b) -> a, LinkedHashMap::new));
        Map<UUID, List<FundingLine>> lines = linesOf(projects);
        List<Indicator> indicators = Indicator.list("departmentCode = ?1 and fiscalYear = ?2", departmentCode, fiscalYear);
        indicators.sort(Comparator.comparing((Indicator i) -> LEVEL1.indexOf(i.level1))
                .thenComparing(i -> i.level2).thenComparing(i -> i.definedAt).thenComparing(i -> i.id));
        List<Goal> goals = Goal.list("departmentCode = ?1 and fiscalYear = ?2 order by position, id", departmentCode,
                fiscalYear);
        Score score = Score.findById(new DepartmentYear(departmentCode, fiscalYear));
        DeclaredFigures declared = DeclaredFigures.findById(new DepartmentYear(departmentCode, fiscalYear));
        Map<String, String> narrative = narrative(departmentCode, fiscalYear);

        BigDecimal budget = sum(projects, p -> p.funds.budget);
        BigDecimal arrived = sum(projects, p -> p.funds.arrived);
        BigDecimal spent = sum(projects, p -> p.funds.spent);
        BigDecimal savings = budget.subtract(spent);
        Totals totals = new Totals(projects.size(), Yuan.wan(budget), Yuan.wan(arrived), Yuan.wan(spent), Yuan.wan(savings),
                Yuan.percent(arrived, budget), Yuan.percent(spent, budget), Yuan.percent(savings, budget));

        List<CategoryLine> categories = new ArrayList<>();
        for (String category : CATEGORIES) {
            List<Project> of = projects.stream().filter(p -> p.category.equals(category)).toList();
            categories.add(new CategoryLine(category, Labels.CATEGORY.get(category), of.size(), Yuan.wan(sum(of, p -> p.funds.budget)),
                    Yuan.wan(sum(of, p -> p.funds.arrived)), Yuan.wan(sum(of, p -> p.funds.spent))));
        }

        List<ProjectLine> projectLines = projects.stream().map(p -> new ProjectLine(p.id, p.name, p.category,
                p.fundSource, p.legalBasis, p.paidOnBehalf, Yuan.wan(p.funds.budget), Yuan.wan(p.funds.arrived), Yuan.wan(p.funds.spent),
                Yuan.percent(p.funds.spent, p.funds.budget), lines.getOrDefault(p.id, List.of()).stream()
                        .map(l -> new FundingLineLine(l.id, l.name, l.carriedOverFromYear, Yuan.wan(l.funds.budget), Yuan.wan(l.funds.spent)))
                        .toList())).toList();

        List<GoalLine> goalLines = goals.stream().map(g -> new GoalLine(g.projectId,
                g.projectId == null || byId.get(g.projectId) == null ? null : byId.get(g.projectId).name, g.text)).toList();

        Map<UUID, String> scores = score == null ? Map.of() : indicatorScores(score);
        List<IndicatorLine> indicatorLines = indicators.stream().map(i -> new IndicatorLine(i.id, i.projectId,
                i.projectId == null || byId.get(i.projectId) == null ? null : byId.get(i.projectId).name,
                i.level1, Labels.of(Labels.LEVEL1, i.level1), i.level2, Labels.of(Labels.LEVEL2, i.level2), i.name,
                target(i), i.unit, actual(i), i.actualSource, Decimals.plain(i.weight), scores.get(i.id), i.notApplicable,
                i.deviationReason, i.remedy)).toList();

        ScoreSummary scoreSummary = score == null ? null : new ScoreSummary(score.policy, Decimals.shown(score.total), score.grade,
                Decimals.shown(score.executionRate), groups(score));

        List<Finding> findings = findings(projects, lines, budget, arrived, spent, declared, indicators, score, narrative);
        LocalDate today = calendar.today();
        int month = fiscalYear < today.getYear() ? 12 : today.getMonthValue();
        return new SelfEvaluationReport(departmentCode, department == null ? departmentCode : department.name, fiscalYear,
                totals, categories, projectLines, goalLines, indicatorLines, scoreSummary, findings,
                monitoring(projects, indicators, month), narrative);
    }

    private List<Finding> findings(List<Project> projects, Map<UUID, List<FundingLine>> lines, BigDecimal budget,
            BigDecimal arrived, BigDecimal spent,
            DeclaredFigures declared, List<Indicator> indicators, Score score, Map<String, String> narrative) {
        BigDecimal savings = budget.subtract(spent);
        Reconciler.LedgerTotals totals = new Reconciler.LedgerTotals(budget, arrived, spent, rate(arrived, budget),
                rate(spent, budget), rate(savings, budget));
        List<Reconciler.ProjectFigures> figures = projects.stream().map(p -> new Reconciler.ProjectFigures(p.id, p.name,
                p.category, p.funds.budget, p.funds.arrived, p.funds.spent)).toList();
        Reconciler.Declared stated = declared == null ? null : new Reconciler.Declared(declared.approvedTotal,
                declared.fundsAllocated, read(declared.projectCounts, new TypeReference<Map<String, Integer>>() {
                }), declared.projectCount);
        List<Reconciler.CostCeiling> ceilings = indicators.stream()
                .filter(i -> "SPENT".equals(i.ledgerMeasure) && i.projectId != null && i.target != null)
                .map(i -> new Reconciler.CostCeiling(i.projectId, i.name,
                        "万元".equals(i.unit) ? i.target.multiply(TEN_THOUSAND) : i.target))
                .toList();
        Map<String, BigDecimal> scoredGroups = score == null ? null : scoredGroupWeights(score);
        Map<String, BigDecimal> weights = new HashMap<>();
        for (Indicator i : indicators) {
            String group = "COST".equals(i.level1) && (scoredGroups == null || !scoredGroups.containsKey("COST"))
                    ? "OUTPUT" : i.level1;
            weights.merge(group, i.weight, BigDecimal::add);
        }
        List<Finding> findings = new ArrayList<>(Reconciler.check(figures, totals, stated, ceilings, weights, scoredGroups,
                narrative));
        Reconciler.completeness(findings, indicators.stream().filter(i -> !"LEDGER".equals(i.actualSource))
                .map(i -> new Reconciler.IndicatorLine(i.name, i.notApplicable, i.actual != null
                        || (i.actualText != null && !i.actualText.isBlank()) || i.qualitativeTier != null))
                .toList());
        if (score != null) {
            Reconciler.scoreBasis(findings, new Reconciler.ScoreBasis(score.executionRate, score.budget, score.spent),
                    totals, ledgerFedActuals(indicators, projects, lines, totals));
            List<Reconciler.Requirement> required = new ArrayList<>();
            for (JsonNode r : read(score.requiredExplanations, new TypeReference<List<JsonNode>>() {
            })) {
                JsonNode indicatorId = r.get("indicatorId");
                required.add(new Reconciler.Requirement(r.get("code").asText(),
                        indicatorId == null || indicatorId.isNull() ? null : UUID.fromString(indicatorId.asText()),
                        r.get("message").asText()));
            }
            Map<UUID, String> reasons = new HashMap<>();
            indicators.forEach(i -> {
                if (i.deviationReason != null) {
                    reasons.put(i.id, i.deviationReason);
                }
            });
            Reconciler.explanations(findings, required, reasons, narrative.get(NarrativeKeys.EXECUTION_EXPLANATION));
        }
        return findings;
    }

    /**
     * Each ledger-fed indicator's actual as reported, against the same measure of this read model's ledger: spent
     * on its project or funding line (in its unit), or the execution rate of its project or of the year.
     */
    private static List<Reconciler.LedgerFedActual> ledgerFedActuals(List<Indicator> indicators, List<Project> projects,
            Map<UUID, List<FundingLine>> lines, Reconciler.LedgerTotals totals) {
        Map<UUID, Project> byId = projects.stream().collect(Collectors.toMap(p -> p.id, p -> p));
        Map<UUID, FundingLine> lineById = new HashMap<>();
        lines.values().forEach(l -> l.forEach(line -> lineById.put(line.id, line)));
        List<Reconciler.LedgerFedActual> actuals = new ArrayList<>();
        for (Indicator i : indicators) {
            if (!"LEDGER".equals(i.actualSource) || i.notApplicable) {
                continue;
            }
            Project project = i.projectId == null ? null : byId.get(i.projectId);
            BigDecimal ledger;
            if ("SPENT".equals(i.ledgerMeasure)) {
                FundingLine line = i.fundingLineId == null ? null : lineById.get(i.fundingLineId);
                BigDecimal spent = line != null ? line.funds.spent : project != null ? project.funds.spent : null;
                ledger = spent == null ? null : "万元".equals(i.unit) ? spent.divide(TEN_THOUSAND) : spent;
            } else if (i.projectId == null) {
                ledger = totals.executionRate();
            } else {
                ledger = project == null ? null : rate(project.funds.spent, project.funds.budget);
            }
            actuals.add(new Reconciler.LedgerFedActual(i.name, i.unit == null ? "" : i.unit, i.actual, ledger));
        }
        return actuals;
    }

    private static SelfEvaluationReport.Monitoring monitoring(List<Project> projects, List<Indicator> indicators, int month) {
        Map<UUID, List<Indicator>> byProject = indicators.stream().filter(i -> i.projectId != null && !i.notApplicable)
                .collect(Collectors.groupingBy(i -> i.projectId));
        List<MonitoredProject> monitored = new ArrayList<>();
        Colour overall = Colour.NONE;
        for (Project p : projects) {
            Colour colour = Progress.ofSpending(p.funds.spent, p.funds.budget, month).colour();
            for (Indicator i : byProject.getOrDefault(p.id, List.of())) {
                colour = colour.worse(Progress.ofIndicator(i.direction, i.target, i.actual, month).colour());
            }
            monitored.add(new MonitoredProject(p.id, p.name, colour, Yuan.percent(p.funds.spent, p.funds.budget)));
            overall = overall.worse(colour);
        }
        monitored.sort(Comparator.comparing(MonitoredProject::colour));
        return new SelfEvaluationReport.Monitoring(month, overall, monitored);
    }

    private Map<String, String> narrative(String departmentCode, int fiscalYear) {
        List<NarrativeSection> sections = NarrativeSection.list("departmentCode = ?1 and fiscalYear = ?2", departmentCode,
                fiscalYear);
        Map<String, String> byKey = sections.stream().collect(Collectors.toMap(s -> s.sectionKey, s -> s.text));
        Map<String, String> ordered = new LinkedHashMap<>();
        NarrativeKeys.HEADINGS.keySet().forEach(key -> {
            if (byKey.containsKey(key)) {
                ordered.put(key, byKey.get(key));
            }
        });
        return ordered;
    }

    private Map<UUID, String> indicatorScores(Score score) {
        Map<UUID, String> scores = new HashMap<>();
        for (JsonNode i : read(score.indicators, new TypeReference<List<JsonNode>>() {
        })) {
            JsonNode value = i.get("score");
            scores.put(UUID.fromString(i.get("indicatorId").asText()),
                    value == null || value.isNull() ? null : Decimals.shown(new BigDecimal(value.asText())));
        }
        return scores;
    }

    private List<GroupScore> groups(Score score) {
        List<GroupScore> groups = new ArrayList<>();
        for (JsonNode g : read(score.groups, new TypeReference<List<JsonNode>>() {
        })) {
            String group = g.get("group").asText();
            groups.add(new GroupScore(group, Labels.of(Labels.GROUP, group), g.get("weight").asText(),
                    Decimals.shown(new BigDecimal(g.get("score").asText()))));
        }
        return groups;
    }

    private Map<String, BigDecimal> scoredGroupWeights(Score score) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (JsonNode g : read(score.groups, new TypeReference<List<JsonNode>>() {
        })) {
            weights.put(g.get("group").asText(), new BigDecimal(g.get("weight").asText()));
        }
        return weights;
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable read-model JSON", e);
        }
    }

    private static Map<UUID, List<FundingLine>> linesOf(List<Project> projects) {
        if (projects.isEmpty()) {
            return Map.of();
        }
        List<FundingLine> lines = FundingLine.list("projectId in ?1 order by name", projects.stream().map(p -> p.id).toList());
        lines.sort(Comparator.comparing((FundingLine l) -> l.carriedOverFromYear == null ? 0 : 1).thenComparing(l -> l.name));
        return lines.stream().collect(Collectors.groupingBy(l -> l.projectId, LinkedHashMap::new, Collectors.toList()));
    }

    private static String target(Indicator i) {
        if (i.target == null) {
            return i.targetText;
        }
        return Labels.of(Labels.DIRECTION, i.direction) + Decimals.plain(i.target);
    }

    private static String actual(Indicator i) {
        if ("QUALITATIVE".equals(i.direction)) {
            return i.actualText != null ? i.actualText : i.qualitativeTier;
        }
        if (i.actual == null) {
            return null;
        }
        return "%".equals(i.unit) ? Decimals.shown(i.actual) : Decimals.plain(i.actual.setScale(Math.min(i.actual.scale(), 2), RoundingMode.HALF_UP));
    }

    private static BigDecimal sum(List<Project> projects, java.util.function.Function<Project, BigDecimal> field) {
        return projects.stream().map(field).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    static BigDecimal rate(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, MathContext.DECIMAL128);
    }
}
