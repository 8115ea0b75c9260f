package io.jixiao.report.mapping;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.jixiao.report.monitoring.Colour;

/** Projects and indicators by colour, red first, with the figures each colour was read from. */
public record CityMonitoringView(String departmentCode, int fiscalYear, int month, String timeProgress,
        Map<Colour, Long> projectsByColour, List<DepartmentLine> departments,
        List<ProjectLine> projects, List<IndicatorLine> indicators) {

    /**
     * A department's spending against 序时进度 over all its projects, and its worst project's colour; red
     * first, with how many of its projects are red.
     */
    public record DepartmentLine(String departmentCode, String departmentName, Colour colour, Colour spendingColour,
            String budget, String spent, String executionRate, String spendingProgress, long redProjects) {
    }

    public record ProjectLine(UUID projectId, String departmentCode, String departmentName, String name, Colour colour,
            Colour spendingColour, String budget, String spent, String executionRate, String spendingProgress) {
    }

    public record IndicatorLine(UUID indicatorId, String departmentCode, String projectName, String name, Colour colour,
            String direction, String target, String actual, String unit, String progress) {
    }
}
