package io.jixiao.report.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.jixiao.common.money.Decimals;
import io.jixiao.common.money.Funds;
import io.jixiao.common.money.Yuan;
import io.jixiao.report.monitoring.Colour;
import io.jixiao.report.monitoring.Progress;
import io.jixiao.common.problem.ProblemException;
import io.jixiao.common.security.Caller;
import io.jixiao.report.Department;
import io.jixiao.report.Indicator;
import io.jixiao.report.Project;
import io.jixiao.report.mapping.CityMonitoringView;

/**
 * 双监控 views for finance reviewers (DESIGN §6.4): per department and city-wide for a month, every
 * project and indicator with its colour and figures, red first. From the read model alone.
 */
@ApplicationScoped
public class MonitoringService {

    @Inject
    Caller caller;

    public CityMonitoringView city(int fiscalYear, int month) {
        List<Project> projects = Project.list("fiscalYear = ?1", fiscalYear);
        return view(null, fiscalYear, month, projects, Indicator.list("fiscalYear = ?1 and notApplicable = false", fiscalYear));
    }

    public CityMonitoringView department(String departmentCode, int fiscalYear, int month) {
        if (!caller.canSee(departmentCode)) {
            throw ProblemException.notFound("department " + departmentCode);
        }
        return view(departmentCode, fiscalYear, month, Project.ofDepartmentYear(departmentCode, fiscalYear),
                Indicator.list("departmentCode = ?1 and fiscalYear = ?2 and notApplicable = false", departmentCode,
                        fiscalYear));
    }

    private static CityMonitoringView view(String departmentCode, int fiscalYear, int month, List<Project> projects,
            List<Indicator> indicators) {
        Map<String, String> names = Department.<Department>listAll().stream()
                .collect(Collectors.toMap(d -> d.code, d -> d.name));
        Map<UUID, Project> byId = projects.stream().collect(Collectors.toMap(p -> p.id, p -> p));
        List<CityMonitoringView.IndicatorLine> indicatorLines = new ArrayList<>();
        Map<UUID, Colour> projectColours = new HashMap<>();
        for (Indicator i : indicators) {
            Progress progress = Progress.ofIndicator(i.direction, i.target, i.actual, month);
            Project project = i.projectId == null ? null : byId.get(i.projectId);
            indicatorLines.add(new CityMonitoringView.IndicatorLine(i.id, i.departmentCode, project == null ? null : project.name,
                    i.name, progress.colour(), i.direction, Decimals.plain(i.target),
                    Decimals.plain(i.actual), i.unit, Decimals.shown(progress.ratio())));
            if (i.projectId != null) {
                projectColours.merge(i.projectId, progress.colour(), Colour::worse);
            }
        }
        List<CityMonitoringView.ProjectLine> projectLines = new ArrayList<>();
        for (Project p : projects) {
            Progress spending = Progress.ofSpending(p.funds.spent, p.funds.budget, month);
            Colour colour = projectColours.getOrDefault(p.id, Colour.NONE).worse(spending.colour());
            projectLines.add(new CityMonitoringView.ProjectLine(p.id, p.departmentCode, names.get(p.departmentCode), p.name,
                    colour, spending.colour(), Yuan.wan(p.funds.budget), Yuan.wan(p.funds.spent),
                    Yuan.percent(p.funds.spent, p.funds.budget), Decimals.shown(spending.ratio())));
        }
        projectLines.sort(Comparator.comparing(CityMonitoringView.ProjectLine::colour)
                .thenComparing(CityMonitoringView.ProjectLine::departmentCode).thenComparing(CityMonitoringView.ProjectLine::name));
        indicatorLines.sort(Comparator.comparing(CityMonitoringView.IndicatorLine::colour)
                .thenComparing(CityMonitoringView.IndicatorLine::departmentCode).thenComparing(CityMonitoringView.IndicatorLine::name));
        Map<Colour, Long> counts = projectLines.stream()
                .collect(Collectors.groupingBy(CityMonitoringView.ProjectLine::colour, () -> new java.util.EnumMap<>(Colour.class),
                        Collectors.counting()));
        return new CityMonitoringView(departmentCode, fiscalYear, month, Decimals.shown(Progress.ofTime(month)), counts,
                departmentLines(projects, projectLines, names, month), projectLines, indicatorLines);
    }

    private static List<CityMonitoringView.DepartmentLine> departmentLines(List<Project> projects,
            List<CityMonitoringView.ProjectLine> projectLines, Map<String, String> names, int month) {
        Map<String, Funds> funds = new TreeMap<>();
        for (Project p : projects) {
            funds.merge(p.departmentCode, p.funds, Funds::plus);
        }
        Map<String, Colour> worst = new HashMap<>();
        Map<String, Long> red = new HashMap<>();
        for (CityMonitoringView.ProjectLine line : projectLines) {
            worst.merge(line.departmentCode(), line.colour(), Colour::worse);
            red.merge(line.departmentCode(), line.colour() == Colour.RED ? 1L : 0L, Long::sum);
        }
        List<CityMonitoringView.DepartmentLine> lines = new ArrayList<>();
        funds.forEach((code, f) -> {
            Progress spending = Progress.ofSpending(f.spent, f.budget, month);
            lines.add(new CityMonitoringView.DepartmentLine(code, names.get(code), worst.getOrDefault(code, Colour.NONE),
                    spending.colour(), Yuan.wan(f.budget), Yuan.wan(f.spent), Yuan.percent(f.spent, f.budget),
                    Decimals.shown(spending.ratio()), red.getOrDefault(code, 0L)));
        });
        lines.sort(Comparator.comparing(CityMonitoringView.DepartmentLine::colour)
                .thenComparing(CityMonitoringView.DepartmentLine::departmentCode));
        return lines;
    }
}
