package io.jixiao.report.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.jixiao.report.reconciliation.Finding.Severity;

/** DESIGN §7 on the seed's own figures. */
class ReconcilerTest {

    private final UUID smartCity = UUID.randomUUID();

    /** Line items that add up to 1327.18 万元, as the seed's do, fully arrived, 1240.6 spent. */
    private List<Reconciler.ProjectFigures> projects() {
        return List.of(
                new Reconciler.ProjectFigures(smartCity, "智慧怀化工作经费", "MID_YEAR_ADJUSTMENT", yuan("340000.00"),
                        yuan("340000.00"), yuan("320000.00")),
                new Reconciler.ProjectFigures(UUID.randomUUID(), "其余项目", "OPENING_BUDGET", yuan("12931800.00"),
                        yuan("12931800.00"), yuan("12086000.00")));
    }

    private Reconciler.LedgerTotals totals() {
        BigDecimal budget = yuan("13271800.00");
        BigDecimal spent = yuan("12406000.00");
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal hundred = BigDecimal.valueOf(100);
        return new Reconciler.LedgerTotals(budget, budget, spent, hundred,
                spent.multiply(hundred).divide(budget, mc), budget.subtract(spent).multiply(hundred).divide(budget, mc));
    }

    @Test
    void theSeedsStatedTotalDisagreesWithItsLineItems() {
        Reconciler.Declared declared = new Reconciler.Declared(yuan("13271900.00"), yuan("13271900.00"),
                Map.of("MID_YEAR_ADJUSTMENT", 1, "OPENING_BUDGET", 1), 2);
        List<Finding> findings = new ArrayList<>();
        Reconciler.declared(findings, projects(), totals(), declared);
        Finding total = findings.stream().filter(f -> f.code().equals("DECLARED_TOTAL")).findFirst().orElseThrow();
        assertEquals(Severity.WARNING, total.severity());
        assertEquals("1327.19", total.stated());
        assertEquals("1327.18", total.computed());
        assertTrue(findings.stream().filter(f -> f.code().equals("DECLARED_PROJECT_COUNT"))
                .allMatch(f -> f.severity() == Severity.OK));
    }

    @Test
    void twoCostLinesOfOneProjectTogetherReconcileWithItsBudget() {
        List<Finding> findings = new ArrayList<>();
        Reconciler.ceilings(findings, projects(), List.of(
                new Reconciler.CostCeiling(smartCity, "智慧怀化工作经费", yuan("300000")),
                new Reconciler.CostCeiling(smartCity, "结转2022年度智慧怀化相关项目经费", yuan("40000"))));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.OK, f.severity());
        assertEquals("34.00", f.stated());
        assertEquals("34.00", f.computed());
        assertTrue(f.message().contains("≤30.00 + ≤4.00"), f.message());

        List<Finding> alone = new ArrayList<>();
        Reconciler.ceilings(alone, projects(), List.of(new Reconciler.CostCeiling(smartCity, "x", yuan("300000"))));
        assertEquals(Severity.WARNING, alone.get(0).severity());
    }

    @Test
    void narrativeFiguresAreHeldAgainstTheLedger() {
        List<Finding> findings = new ArrayList<>();
        Reconciler.narrative(findings, totals(), Map.of("fund-flow", "本年度项目资金到位1327.19万元，支出1240.6万元，资金执行率93.48%。"));
        assertEquals(3, findings.size());
        Finding arrived = findings.get(0);
        assertEquals(Severity.WARNING, arrived.severity());
        assertEquals("1327.19", arrived.stated());
        assertEquals("1327.18", arrived.computed());
        assertTrue(arrived.message().contains("到位1327.19万元”"), arrived.message());
        assertEquals(Severity.OK, findings.get(1).severity());
        assertEquals(Severity.OK, findings.get(2).severity());
    }

    @Test
    void weightsThatNoLongerAddUpBlockSubmission() {
        List<Finding> findings = new ArrayList<>();
        Reconciler.weights(findings, Map.of("OUTPUT", new BigDecimal("45"), "BENEFIT", new BigDecimal("30")),
                Map.of("EXECUTION_RATE", BigDecimal.TEN, "OUTPUT", new BigDecimal("50"), "BENEFIT", new BigDecimal("30")));
        assertEquals(List.of(Severity.BLOCKING), findings.stream().filter(f -> f.subject().equals("OUTPUT"))
                .map(Finding::severity).toList());
        List<Finding> unscored = new ArrayList<>();
        Reconciler.weights(unscored, Map.of(), null);
        assertEquals("SCORE_MISSING", unscored.get(0).code());
        assertTrue(unscored.get(0).blocking());
    }

    @Test
    void anExecutionRateUnder90NeedsItsExplanation() {
        List<Reconciler.Requirement> required = List.of(new Reconciler.Requirement("EXECUTION_RATE_BELOW_THRESHOLD", null,
                "the execution rate is 85.00%, under 90%: explain why before submitting"));
        List<Finding> without = new ArrayList<>();
        Reconciler.explanations(without, required, Map.of(), " ");
        assertTrue(without.get(0).blocking());
        List<Finding> with = new ArrayList<>();
        Reconciler.explanations(with, required, Map.of(), "项目延期至次年");
        assertEquals(Severity.OK, with.get(0).severity());
    }

    @Test
    void aScoreComputedOnALedgerViewThatWasBehindBlocksNamingBothFigures() {
        // the score saw 1240.00 万元 spent (93.43%); the ledger has 1240.60 (93.48%)
        List<Finding> findings = new ArrayList<>();
        Reconciler.scoreBasis(findings, new Reconciler.ScoreBasis(new BigDecimal("93.43"), yuan("13271800.00"),
                yuan("12400000.00")), totals(), List.of(
                        new Reconciler.LedgerFedActual("智慧怀化工作经费", "万元", new BigDecimal("28"), new BigDecimal("32")),
                        new Reconciler.LedgerFedActual("安全生产工作经费", "万元", new BigDecimal("14"), new BigDecimal("14"))));
        assertTrue(findings.stream().allMatch(Finding::blocking), findings.toString());
        Finding spent = findings.stream().filter(f -> f.subject().equals("spent")).findFirst().orElseThrow();
        assertEquals("1240.00", spent.stated());
        assertEquals("1240.60", spent.computed());
        Finding rate = findings.stream().filter(f -> f.subject().equals("executionRate")).findFirst().orElseThrow();
        assertEquals("93.43", rate.stated());
        assertEquals("93.48", rate.computed());
        Finding cost = findings.stream().filter(f -> f.code().equals("LEDGER_ACTUAL_BEHIND")).findFirst().orElseThrow();
        assertEquals("智慧怀化工作经费", cost.subject());
        assertEquals("28.00", cost.stated());
        assertEquals("32.00", cost.computed());
        assertEquals(3, findings.size(), "the budget and the cost line that agree are not findings: " + findings);
    }

    @Test
    void aScoreComputedOnTheLedgerAsItStandsIsOneOkFinding() {
        List<Finding> findings = new ArrayList<>();
        Reconciler.scoreBasis(findings, new Reconciler.ScoreBasis(new BigDecimal("93.48"), yuan("13271800.00"),
                yuan("12406000.00")), totals(), List.of(
                        new Reconciler.LedgerFedActual("智慧怀化工作经费", "万元", new BigDecimal("32.00000000"), new BigDecimal("32"))));
        assertEquals(1, findings.size());
        assertEquals(Severity.OK, findings.get(0).severity());
        // an older score event that names only the rate is checked on the rate alone
        findings.clear();
        Reconciler.scoreBasis(findings, new Reconciler.ScoreBasis(new BigDecimal("93.48"), null, null), totals(), List.of());
        assertEquals(Severity.OK, findings.get(0).severity());
    }

    private static BigDecimal yuan(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aLineWithoutAnActualBlocksUnlessItIsNotApplicable() {
        List<Finding> findings = new ArrayList<>();
        Reconciler.completeness(findings, List.of(new Reconciler.IndicatorLine("受理企业诉求", false, true),
                new Reconciler.IndicatorLine("服务对象满意度", false, false),
                new Reconciler.IndicatorLine("园区亩均税收", true, false)));
        assertEquals(List.of("服务对象满意度"), findings.stream().filter(Finding::blocking).map(Finding::subject).toList());

        List<Finding> complete = new ArrayList<>();
        Reconciler.completeness(complete, List.of(new Reconciler.IndicatorLine("受理企业诉求", false, true)));
        assertEquals(List.of(Severity.OK), complete.stream().map(Finding::severity).toList());
    }
}
