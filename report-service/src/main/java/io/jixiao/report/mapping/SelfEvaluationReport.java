package io.jixiao.report.mapping;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.jixiao.report.monitoring.Colour;
import io.jixiao.report.reconciliation.Finding;

/**
 * The self-evaluation report (绩效自评报告) of a department-year, as assembled from the read model:
 * every figure computed, amounts in 万元 and rates in % with 2 decimals (half-up), the narrative as the
 * department wrote it. The JSON form of the report; the HTML, Word and Excel files are rendered from it.
 */
public record SelfEvaluationReport(
        String departmentCode,
        String departmentName,
        int fiscalYear,
        Totals totals,
        List<CategoryLine> categories,
        List<ProjectLine> projects,
        List<GoalLine> goals,
        List<IndicatorLine> indicators,
        ScoreSummary score,
        List<Finding> findings,
        Monitoring monitoring,
        Map<String, String> narrative) {

    public record Totals(int projectCount, String budget, String arrived, String spent, String savings,
            String arrivalRate, String executionRate, String costControlRate) {
    }

    public record CategoryLine(String category, String label, int projectCount, String budget, String arrived,
            String spent) {
    }

    public record ProjectLine(UUID id, String name, String category, String fundSource, String legalBasis,
            boolean paidOnBehalf, String budget, String arrived, String spent, String executionRate,
            List<FundingLineLine> fundingLines) {
    }

    public record FundingLineLine(UUID id, String name, Integer carriedOverFromYear, String budget, String spent) {
    }

    public record GoalLine(UUID projectId, String projectName, String text) {
    }

    public record IndicatorLine(UUID id, UUID projectId, String projectName, String level1, String level1Label,
            String level2, String level2Label, String name, String target, String unit, String actual,
            String actualSource, String weight, String score, boolean notApplicable, String deviationReason,
            String remedy) {
    }

    public record ScoreSummary(String policy, String total, String grade, String executionRate, List<GroupScore> groups) {
    }

    public record GroupScore(String group, String label, String weight, String score) {
    }

    public record Monitoring(int month, Colour colour, List<MonitoredProject> projects) {
    }

    public record MonitoredProject(UUID projectId, String name, Colour colour, String executionRate) {
    }
}
