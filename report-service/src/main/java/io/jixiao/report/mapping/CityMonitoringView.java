package io.jixiao.report.mapping;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.jixiao.report.monitoring.Colour;

/** Projects and indicators by colour, red first, with the figures each colour was read from. */
public record CityMonitoringView(String departmentCode, int fiscalYear, int month, String timeProgress,
        Map<Colour, Long> projectsByColour,
        List<ProjectLine> projects, List<IndicatorLine> indicators) {

    public record ProjectLine(UUID projectId, String departmentCode, String departmentName, String name, Colour colour,
            Colour spendingColour, String budget, String spent, String executionRate, String spendingProgress) {
    }

    public record IndicatorLine(UUID indicatorId, String departmentCode, String projectName, String name, Colour colour,
            String direction, String target, String actual, String unit, String progress) {
    }
}
