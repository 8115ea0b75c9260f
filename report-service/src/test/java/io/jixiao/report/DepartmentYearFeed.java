package io.jixiao.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jixiao.events.EventTypes;
import io.jixiao.events.Topics;
import io.jixiao.infra.BudgetEventsFeed;

/**
 * A department-year told through both topics, as budget-service and indicator-service would tell it:
 * a small version of the seed (智慧怀化工作经费 with its two funding lines and cost lines, one more project,
 * goals, an output, a benefit and a satisfaction indicator, and a score).
 */
public final class DepartmentYearFeed implements AutoCloseable {

    public final String department;
    public final BudgetEventsFeed budget;
    public BudgetEventsFeed.Project smartCity;
    public BudgetEventsFeed.Project safety;
    public final Map<String, UUID> indicators = new LinkedHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    public DepartmentYearFeed(String department) {
        this.department = department;
        this.budget = new BudgetEventsFeed(ReportTestResources.infrastructure().kafkaBootstrapServers());
    }

    /** Projects 34 + 15 万元, all arrived; 32 + 14 spent; declared 49.01 (one fen more than the lines). */
    public DepartmentYearFeed money() {
        budget.registerDepartment(department, "怀化市工业和信息化局");
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("2023年预算", "300000.00");
        lines.put("2022年结转", "40000.00");
        smartCity = budget.registerProject(department, "智慧怀化工作经费", "MID_YEAR_ADJUSTMENT", lines);
        safety = budget.registerProject(department, "安全生产专项经费", "OPENING_BUDGET", Map.of("本年预算", "150000.00"));
        budget.declare(department, "490100.00", Map.of("MID_YEAR_ADJUSTMENT", 1, "OPENING_BUDGET", 1), 2);
        budget.arrive(smartCity.line("2023年预算"), "300000.00");
        budget.arrive(smartCity.line("2022年结转"), "40000.00");
        budget.arrive(safety.line("本年预算"), "150000.00");
        budget.spend(smartCity.line("2023年预算"), "280000.00");
        budget.spend(smartCity.line("2022年结转"), "40000.00");
        budget.spend(safety.line("本年预算"), "140000.00");
        return this;
    }

    /** Goals and indicators whose weights add up under the default policy, with their actual values. */
    public DepartmentYearFeed targets() {
        return targets(true);
    }

    /** The seed's targets; without the satisfaction survey's result when {@code surveyed} is false. */
    public DepartmentYearFeed targets(boolean surveyed) {
        goal(null, "聚焦新型制造业产业链高质量发展");
        cost("智慧怀化工作经费", smartCity, "30", smartCity.line("2023年预算"), "28", "5");
        cost("结转2022年度智慧怀化相关项目经费", smartCity, "4", smartCity.line("2022年结转"), "4", "5");
        cost("安全生产工作经费", safety, "15", null, "14", "10");
        indicator("受理企业诉求", null, "OUTPUT", "QUANTITY", "GE", "2486", "个", "30", "2486", null);
        indicator("新增规模工业企业", null, "BENEFIT", "SOCIAL", "GE", "100", "家", "30", "122", null);
        if (surveyed) {
            indicator("服务对象满意度", null, "SATISFACTION", "SERVICE_OBJECT", "GE", "95", "%", "10", "96", null);
        } else {
            define("服务对象满意度", null, "SATISFACTION", "SERVICE_OBJECT", "GE", "95", "%", "10", "ENTERED", null);
        }
        return this;
    }

    /** A score computed on the ledger as {@link #money()} leaves it (execution rate 93.88%). */
    public DepartmentYearFeed scored(String total, String grade, List<String> requiredExplanationCodes) {
        return scored(total, grade, requiredExplanationCodes, "93.88");
    }

    public DepartmentYearFeed scored(String total, String grade, List<String> requiredExplanationCodes,
            String executionRate) {
        ObjectNode p = header(null).put("scoreId", UUID.randomUUID().toString()).put("policy", "财预〔2020〕10号")
                .put("total", total).put("grade", grade).put("executionRate", executionRate);
        ArrayNode groups = p.putArray("groups");
        groups.addObject().put("group", "EXECUTION_RATE").put("weight", "10").put("score", "9.39");
        groups.addObject().put("group", "OUTPUT").put("weight", "50").put("score", "50.00");
        groups.addObject().put("group", "BENEFIT").put("weight", "30").put("score", "30.00");
        groups.addObject().put("group", "SATISFACTION").put("weight", "10").put("score", "10.00");
        ArrayNode lines = p.putArray("indicators");
        indicators.forEach((name, id) -> lines.addObject().put("indicatorId", id.toString()).put("weight", "10")
                .put("score", "10.00"));
        ArrayNode explanations = p.putArray("requiredExplanations");
        for (String code : requiredExplanationCodes) {
            ObjectNode e = explanations.addObject().put("code", code).put("message", code + " needs an explanation");
            e.put("indicatorId", code.equals("OVER_ACHIEVEMENT") ? indicators.get("新增规模工业企业").toString() : null);
        }
        send(EventTypes.DEPARTMENT_YEAR_SCORED, department, p);
        return this;
    }

    public void goal(UUID project, String text) {
        send(EventTypes.GOAL_DEFINED, project == null ? department : project.toString(), header(project)
                .put("goalId", UUID.randomUUID().toString()).put("text", text).put("position", 0));
    }

    public void cost(String name, BudgetEventsFeed.Project project, String ceiling, UUID line, String actual, String weight) {
        UUID id = define(name, project.id(), "COST", "ECONOMIC_COST", "LE", ceiling, "万元", weight, "LEDGER", line);
        actual(id, project.id(), actual, "LEDGER", null);
    }

    public UUID indicator(String name, UUID project, String level1, String level2, String direction, String target,
            String unit, String weight, String actual, String deviationReason) {
        UUID id = define(name, project, level1, level2, direction, target, unit, weight, "ENTERED", null);
        actual(id, project, actual, "ENTERED", deviationReason);
        return id;
    }

    public void actual(UUID indicator, UUID project, String actual, String source, String deviationReason) {
        send(EventTypes.INDICATOR_ACTUAL_CHANGED, project == null ? department : project.toString(), header(project)
                .put("indicatorId", indicator.toString()).put("actual", actual).put("actualSource", source)
                .put("deviationReason", deviationReason));
    }

    private UUID define(String name, UUID project, String level1, String level2, String direction, String target,
            String unit, String weight, String source, UUID line) {
        UUID id = UUID.randomUUID();
        indicators.put(name, id);
        ObjectNode p = header(project).put("indicatorId", id.toString()).put("level1", level1).put("level2", level2)
                .put("name", name).put("direction", direction).put("target", target).put("unit", unit)
                .put("weight", weight).put("notApplicable", false).put("actualSource", source)
                .put("ledgerMeasure", source.equals("LEDGER") ? "SPENT" : null)
                .put("fundingLineId", line == null ? null : line.toString());
        send(EventTypes.INDICATOR_DEFINED, project == null ? department : project.toString(), p);
        return id;
    }

    private ObjectNode header(UUID project) {
        ObjectNode p = json.createObjectNode().put("departmentCode", department).put("fiscalYear", 2023)
                .put("projectId", project == null ? null : project.toString()).put("businessDate", "2023-12-31");
        p.putObject("actor").put("subject", "user-" + department.toLowerCase()).put("department", department);
        return p;
    }

    private void send(String type, String key, ObjectNode payload) {
        budget.send(Topics.INDICATOR_EVENTS, type, key, payload, UUID.randomUUID());
    }

    @Override
    public void close() {
        budget.close();
    }
}
