package io.jixiao.indicator.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.jixiao.common.money.Yuan;
import io.jixiao.common.security.Caller;
import io.jixiao.indicator.Indicator;
import io.jixiao.indicator.ProjectLedger;
import io.jixiao.common.money.Decimals;
import io.jixiao.indicator.mapping.MonitoringView;
import io.jixiao.indicator.mapping.MonitoringView.IndicatorLine;
import io.jixiao.indicator.mapping.MonitoringView.ProjectLine;
import io.jixiao.common.monitoring.Colour;
import io.jixiao.common.monitoring.Progress;

/** 双监控 for a department-year and a month: spending and indicators against time progress. */
@ApplicationScoped
public class MonitoringService {

    @Inject
    Caller caller;

    public MonitoringView monitor(String departmentCode, int fiscalYear, int month) {
        caller.requireVisible(departmentCode, "department " + departmentCode);
        List<ProjectLedger> projects = ProjectLedger.list("departmentCode = ?1 and fiscalYear = ?2", departmentCode,
                fiscalYear);
        List<Indicator> indicators = Indicator.list("departmentCode = ?1 and fiscalYear = ?2 and notApplicable = false",
                departmentCode, fiscalYear);
        Map<UUID, List<Indicator>> byProject = indicators.stream().filter(i -> i.projectId != null)
                .collect(Collectors.groupingBy(i -> i.projectId));

        List<ProjectLine> lines = new ArrayList<>();
        Colour department = Colour.NONE;
        for (ProjectLedger project : projects) {
            Progress spending = Progress.ofSpending(project.spent, project.budget, month);
            List<IndicatorLine> own = byProject.getOrDefault(project.projectId, List.of()).stream()
                    .map(i -> line(i, month)).sorted(Comparator.comparing(IndicatorLine::colour)).toList();
            Colour colour = own.stream().map(IndicatorLine::colour).reduce(spending.colour(), Colour::worse);
            lines.add(new ProjectLine(project.projectId, project.name, colour, spending.colour(),
                    Yuan.format(project.budget), Yuan.format(project.spent), Yuan.percent(project.spent, project.budget),
                    Decimals.shown(spending.ratio()), own));
            department = department.worse(colour);
        }
        lines.sort(Comparator.comparing(ProjectLine::colour).thenComparing(ProjectLine::name));
        List<IndicatorLine> departmentWide = indicators.stream().filter(i -> i.projectId == null)
                .map(i -> line(i, month)).sorted(Comparator.comparing(IndicatorLine::colour)).toList();
        department = departmentWide.stream().map(IndicatorLine::colour).reduce(department, Colour::worse);
        String timeProgress = BigDecimal.valueOf(month * 100L).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP)
                .toPlainString();
        return new MonitoringView(departmentCode, fiscalYear, month, timeProgress, department, lines, departmentWide);
    }

    private static IndicatorLine line(Indicator i, int month) {
        Progress progress = Progress.ofIndicator(i.direction.name(), i.target, i.actual, month);
        return new IndicatorLine(i.id, i.name, progress.colour(), i.direction.name(), Decimals.plain(i.target),
                Decimals.plain(i.actual), i.unit, Decimals.shown(progress.ratio()));
    }
}
