package io.jixiao.indicator.mapping;

import java.util.List;
import java.util.UUID;

import io.jixiao.common.monitoring.Colour;

/**
 * In-year monitoring of a department-year for a month (DESIGN §6.4): the department's colour, its
 * projects worst first, each with the figures its colour was read from.
 */
public record MonitoringView(String departmentCode, int fiscalYear, int month, String timeProgress, Colour colour,
        List<ProjectLine> projects, List<IndicatorLine> departmentIndicators) {

    public record ProjectLine(UUID projectId, String name, Colour colour, Colour spendingColour, String budget,
            String spent, String executionRate, String spendingProgress, List<IndicatorLine> indicators) {
    }

    public record IndicatorLine(UUID indicatorId, String name, Colour colour, String direction, String target,
            String actual, String unit, String progress) {
    }
}
