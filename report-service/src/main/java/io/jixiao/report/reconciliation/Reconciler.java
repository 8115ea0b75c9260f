package io.jixiao.report.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.jixiao.common.money.Decimals;
import io.jixiao.common.money.Yuan;
import io.jixiao.report.reconciliation.Finding.Severity;
import io.jixiao.report.reconciliation.NarrativeFigures.Metric;
import io.jixiao.report.reconciliation.NarrativeFigures.Quoted;

/**
 * The checks of DESIGN §7, each a {@link Finding} with both sides' figures. Pure: it is handed
 * everything it checks.
 */
public final class Reconciler {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    /** A project as the checks see it: its category and money in yuan. */
    public record ProjectFigures(UUID id, String name, String category, BigDecimal budget, BigDecimal arrived,
            BigDecimal spent) {
    }

    /** A cost ceiling (≤ N 万元 or 元) of a project, fed by the ledger. */
    public record CostCeiling(UUID projectId, String name, BigDecimal ceilingYuan) {
    }

    /** The figures the portal declared; null when nothing was declared. */
    public record Declared(BigDecimal approvedTotal, BigDecimal fundsAllocated, Map<String, Integer> projectCounts,
            int projectCount) {
    }

    /** The department-year's figures from the ledger, in yuan, and its rates in % (unrounded). */
    public record LedgerTotals(BigDecimal budget, BigDecimal arrived, BigDecimal spent, BigDecimal arrivalRate,
            BigDecimal executionRate, BigDecimal costControlRate) {

        BigDecimal of(Metric metric) {
            return switch (metric) {
                case BUDGET -> budget.divide(TEN_THOUSAND);
                case ARRIVED -> arrived.divide(TEN_THOUSAND);
                case SPENT -> spent.divide(TEN_THOUSAND);
                case SAVINGS -> budget.subtract(spent).divide(TEN_THOUSAND);
                case ARRIVAL_RATE -> arrivalRate;
                case EXECUTION_RATE -> executionRate;
                case COST_CONTROL_RATE -> costControlRate;
            };
        }
    }

    public static List<Finding> check(List<ProjectFigures> projects, LedgerTotals totals, Declared declared,
            List<CostCeiling> ceilings, Map<String, BigDecimal> groupWeights, Map<String, BigDecimal> scoredGroupWeights,
            Map<String, String> narrative) {
        List<Finding> findings = new ArrayList<>();
        declared(findings, projects, totals, declared);
        money(findings, projects, totals);
        ceilings(findings, projects, ceilings);
        weights(findings, groupWeights, scoredGroupWeights);
        narrative(findings, totals, narrative);
        return findings;
    }

    static void declared(List<Finding> findings, List<ProjectFigures> projects, LedgerTotals totals, Declared declared) {
        if (declared == null) {
            findings.add(new Finding("DECLARED_FIGURES", Severity.WARNING, "department",
                    "the portal has declared no figures for this year: nothing to reconcile the line items with",
                    null, null));
            return;
        }
        compareMoney(findings, "DECLARED_TOTAL", "approved total (预算资金总额)", declared.approvedTotal(), totals.budget());
        compareMoney(findings, "DECLARED_FUNDS_ALLOCATED", "funds allocated (财政下拨资金)", declared.fundsAllocated(),
                totals.budget());
        Map<String, Integer> counted = new TreeMap<>();
        projects.forEach(p -> counted.merge(p.category(), 1, Integer::sum));
        Map<String, Integer> stated = new TreeMap<>(declared.projectCounts());
        java.util.Set<String> categories = new java.util.TreeSet<>(counted.keySet());
        categories.addAll(stated.keySet());
        for (String category : categories) {
            int s = stated.getOrDefault(category, 0);
            int c = counted.getOrDefault(category, 0);
            findings.add(new Finding("DECLARED_PROJECT_COUNT", s == c ? Severity.OK : Severity.WARNING, category,
                    s == c ? category + ": " + c + " projects, as declared"
                            : category + ": declared " + s + " projects, the ledger has " + c,
                    Integer.toString(s), Integer.toString(c)));
        }
        int total = projects.size();
        findings.add(new Finding("DECLARED_PROJECT_COUNT", declared.projectCount() == total ? Severity.OK : Severity.WARNING,
                "total", declared.projectCount() == total ? total + " projects in all, as declared"
                        : "declared " + declared.projectCount() + " projects in all, the ledger has " + total,
                Integer.toString(declared.projectCount()), Integer.toString(total)));
    }

    private static void compareMoney(List<Finding> findings, String code, String what, BigDecimal stated,
            BigDecimal computed) {
        boolean same = stated.compareTo(computed) == 0;
        findings.add(new Finding(code, same ? Severity.OK : Severity.WARNING, "department",
                same ? what + " " + Yuan.wan(stated) + " 万元 equals the sum of the project budgets"
                        : what + " is stated as " + Yuan.wan(stated) + " 万元, but the project budgets add up to "
                                + Yuan.wan(computed) + " 万元 (difference " + Yuan.wan(stated.subtract(computed)) + ")",
                Yuan.wan(stated), Yuan.wan(computed)));
    }

    static void money(List<Finding> findings, List<ProjectFigures> projects, LedgerTotals totals) {
        for (ProjectFigures p : projects) {
            if (p.arrived().compareTo(p.budget()) > 0) {
                findings.add(new Finding("ARRIVED_WITHIN_BUDGET", Severity.WARNING, p.name(),
                        "funds arrived exceed the budget", Yuan.wan(p.budget()), Yuan.wan(p.arrived())));
            }
            if (p.spent().compareTo(p.arrived()) > 0) {
                findings.add(new Finding("SPENT_WITHIN_ARRIVED", Severity.WARNING, p.name(),
                        "spending exceeds the funds arrived", Yuan.wan(p.arrived()), Yuan.wan(p.spent())));
            }
        }
        findings.add(new Finding("ARRIVED_WITHIN_BUDGET", totals.arrived().compareTo(totals.budget()) <= 0
                ? Severity.OK : Severity.WARNING, "total", "funds arrived against the budget, in total",
                Yuan.wan(totals.budget()), Yuan.wan(totals.arrived())));
        findings.add(new Finding("SPENT_WITHIN_ARRIVED", totals.spent().compareTo(totals.arrived()) <= 0
                ? Severity.OK : Severity.WARNING, "total", "spending against the funds arrived, in total",
                Yuan.wan(totals.arrived()), Yuan.wan(totals.spent())));
    }

    /** A project's cost ceilings together against its budget (智慧怀化工作经费: ≤30 + ≤4 against 34). */
    static void ceilings(List<Finding> findings, List<ProjectFigures> projects, List<CostCeiling> ceilings) {
        Map<UUID, List<CostCeiling>> byProject = new java.util.LinkedHashMap<>();
        ceilings.forEach(c -> byProject.computeIfAbsent(c.projectId(), k -> new ArrayList<>()).add(c));
        for (ProjectFigures p : projects) {
            List<CostCeiling> own = byProject.get(p.id());
            if (own == null) {
                continue;
            }
            BigDecimal sum = own.stream().map(CostCeiling::ceilingYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
            String lines = String.join(" + ", own.stream().map(c -> "≤" + Yuan.wan(c.ceilingYuan())).toList());
            boolean same = sum.compareTo(p.budget()) == 0;
            findings.add(new Finding("COST_CEILING", same ? Severity.OK : Severity.WARNING, p.name(),
                    same ? "cost lines " + lines + " 万元 together equal the budget of " + Yuan.wan(p.budget()) + " 万元"
                            : "cost lines " + lines + " 万元 add up to " + Yuan.wan(sum) + " 万元, the budget is "
                                    + Yuan.wan(p.budget()) + " 万元",
                    Yuan.wan(sum), Yuan.wan(p.budget())));
        }
    }

    /** Indicator weights per group against the group totals the score was computed with. */
    static void weights(List<Finding> findings, Map<String, BigDecimal> groupWeights,
            Map<String, BigDecimal> scoredGroupWeights) {
        if (scoredGroupWeights == null) {
            findings.add(new Finding("SCORE_MISSING", Severity.BLOCKING, "department",
                    "the department-year has not been scored yet", null, null));
            return;
        }
        scoredGroupWeights.forEach((group, total) -> {
            if (group.equals("EXECUTION_RATE")) {
                return;
            }
            BigDecimal sum = groupWeights.getOrDefault(group, BigDecimal.ZERO);
            boolean same = sum.compareTo(total) == 0;
            findings.add(new Finding("INDICATOR_WEIGHTS", same ? Severity.OK : Severity.BLOCKING, group,
                    same ? group + " indicator weights add up to " + Decimals.plain(total)
                            : group + " indicator weights add up to " + Decimals.plain(sum) + ", the group's total is " + Decimals.plain(total),
                    Decimals.plain(total), Decimals.plain(sum)));
        });
    }

    /** Figures the department quotes in its text against the ledger, at the precision it quoted them. */
    static void narrative(List<Finding> findings, LedgerTotals totals, Map<String, String> narrative) {
        Map<Metric, List<Quoted>> seen = new EnumMap<>(Metric.class);
        narrative.forEach((key, text) -> NarrativeFigures.in(text).forEach(q -> {
            List<Quoted> before = seen.computeIfAbsent(q.metric(), k -> new ArrayList<>());
            if (before.stream().anyMatch(b -> b.value().compareTo(q.value()) == 0)) {
                return; // the same figure quoted again
            }
            before.add(q);
            BigDecimal ledger = totals.of(q.metric());
            if (ledger == null) {
                return;
            }
            BigDecimal atQuotedPrecision = ledger.setScale(Math.max(q.value().scale(), 0), RoundingMode.HALF_UP);
            boolean same = atQuotedPrecision.compareTo(q.value()) == 0;
            String ledgerShown = ledger.setScale(2, RoundingMode.HALF_UP).toPlainString();
            findings.add(new Finding("NARRATIVE_FIGURE", same ? Severity.OK : Severity.WARNING, key,
                    same ? "“" + q.text() + "” agrees with the ledger"
                            : "“" + q.text() + "” disagrees with the ledger: " + q.metric().label + " is " + ledgerShown
                                    + q.metric().unit,
                    q.value().toPlainString(), ledgerShown));
        }));
    }

    /** The ledger figures a score was computed on; {@code budget} and {@code spent} null when its event did not say. */
    public record ScoreBasis(BigDecimal executionRate, BigDecimal budget, BigDecimal spent) {
    }

    /** A ledger-fed indicator's actual as indicator-service reported it, and the same measure from this ledger. */
    public record LedgerFedActual(String indicator, String unit, BigDecimal reported, BigDecimal ledger) {
    }

    /**
     * The score and the ledger-fed actuals were computed by indicator-service on its own view of the ledger. Where
     * that view was behind this one (it had not applied the latest disbursements), the score is not the year's:
     * a blocking finding naming both figures, until the year is scored again.
     */
    public static void scoreBasis(List<Finding> findings, ScoreBasis basis, LedgerTotals totals,
            List<LedgerFedActual> actuals) {
        if (basis == null) {
            return;
        }
        List<String> differences = new ArrayList<>();
        if (basis.budget() != null && basis.budget().compareTo(totals.budget()) != 0) {
            findings.add(new Finding("SCORE_LEDGER_BEHIND", Severity.BLOCKING, "budget",
                    "the score was computed on a budget of " + Yuan.wan(basis.budget()) + " 万元, the ledger's is "
                            + Yuan.wan(totals.budget()) + " 万元: score the year again",
                    Yuan.wan(basis.budget()), Yuan.wan(totals.budget())));
            differences.add("budget");
        }
        if (basis.spent() != null && basis.spent().compareTo(totals.spent()) != 0) {
            findings.add(new Finding("SCORE_LEDGER_BEHIND", Severity.BLOCKING, "spent",
                    "the score was computed on " + Yuan.wan(basis.spent()) + " 万元 spent, the ledger has "
                            + Yuan.wan(totals.spent()) + " 万元: score the year again",
                    Yuan.wan(basis.spent()), Yuan.wan(totals.spent())));
            differences.add("spent");
        }
        BigDecimal rate = totals.executionRate() == null ? null : totals.executionRate().setScale(2, RoundingMode.HALF_UP);
        BigDecimal scoredRate = basis.executionRate() == null ? null : basis.executionRate().setScale(2, RoundingMode.HALF_UP);
        if (!java.util.Objects.equals(rate, scoredRate)) {
            String shown = scoredRate == null ? "none" : scoredRate.toPlainString() + "%";
            findings.add(new Finding("SCORE_LEDGER_BEHIND", Severity.BLOCKING, "executionRate",
                    "the score was computed on an execution rate of " + shown + ", the ledger's is "
                            + (rate == null ? "none" : rate.toPlainString() + "%") + ": score the year again",
                    scoredRate == null ? null : scoredRate.toPlainString(), rate == null ? null : rate.toPlainString()));
            differences.add("executionRate");
        }
        for (LedgerFedActual actual : actuals) {
            boolean same = actual.reported() != null && actual.ledger() != null
                    ? actual.reported().setScale(2, RoundingMode.HALF_UP).compareTo(actual.ledger().setScale(2, RoundingMode.HALF_UP)) == 0
                    : actual.reported() == null && actual.ledger() == null;
            if (!same) {
                String reported = actual.reported() == null ? "none" : Decimals.shown(actual.reported()) + actual.unit();
                String ledger = actual.ledger() == null ? "none" : Decimals.shown(actual.ledger()) + actual.unit();
                findings.add(new Finding("LEDGER_ACTUAL_BEHIND", Severity.BLOCKING, actual.indicator(),
                        "'" + actual.indicator() + "' shows " + reported + " from the ledger, the ledger has " + ledger
                                + ": its actual has not caught up; score the year again once it has",
                        actual.reported() == null ? null : Decimals.shown(actual.reported()),
                        actual.ledger() == null ? null : Decimals.shown(actual.ledger())));
                differences.add(actual.indicator());
            }
        }
        if (differences.isEmpty()) {
            findings.add(new Finding("SCORE_LEDGER_BEHIND", Severity.OK, "department",
                    "the score and the ledger-fed actuals were computed on the ledger as it stands", null, null));
        }
    }

    /** An indicator line the department fills in, and whether it has an actual (a number, words or a tier). */
    public record IndicatorLine(String name, boolean notApplicable, boolean hasActual) {
    }

    /**
     * Every line the department fills in has an actual before the report goes in (completeness): a line without
     * one would otherwise score 0 unnoticed. A line marked not applicable needs none; ledger-fed lines are not
     * typed and are checked against the ledger instead ({@link #scoreBasis}).
     */
    public static void completeness(List<Finding> findings, List<IndicatorLine> lines) {
        int missing = 0;
        for (IndicatorLine line : lines) {
            if (!line.notApplicable() && !line.hasActual()) {
                findings.add(new Finding("INDICATOR_WITHOUT_ACTUAL", Severity.BLOCKING, line.name(),
                        "'" + line.name() + "' has no actual value: enter it, or mark the line not applicable",
                        null, null));
                missing++;
            }
        }
        if (missing == 0 && !lines.isEmpty()) {
            findings.add(new Finding("INDICATOR_WITHOUT_ACTUAL", Severity.OK, "indicators",
                    "every indicator line has an actual value", null, null));
        }
    }

    /** A requirement the score raised (DESIGN §6.2), and whether it has been met since. */
    public record Requirement(String code, UUID indicatorId, String message) {
    }

    /**
     * What must be explained before submitting: an execution rate under the policy's threshold needs
     * the narrative section that explains it; an over-achievement needs the indicator's deviation reason.
     */
    public static void explanations(List<Finding> findings, List<Requirement> required,
            Map<UUID, String> deviationReasons, String executionExplanation) {
        for (Requirement r : required) {
            boolean met = switch (r.code()) {
                case "EXECUTION_RATE_BELOW_THRESHOLD" -> executionExplanation != null && !executionExplanation.isBlank();
                case "OVER_ACHIEVEMENT" -> {
                    String reason = deviationReasons.get(r.indicatorId());
                    yield reason != null && !reason.isBlank();
                }
                default -> false;
            };
            findings.add(new Finding(r.code(), met ? Severity.OK : Severity.BLOCKING,
                    r.indicatorId() == null ? "department" : r.indicatorId().toString(),
                    met ? "explained: " + r.message() : r.message(), null, null));
        }
    }

    private Reconciler() {
    }
}
