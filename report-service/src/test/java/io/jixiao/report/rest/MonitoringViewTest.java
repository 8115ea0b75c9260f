package io.jixiao.report.rest;

import static io.jixiao.report.Api.as;
import static io.jixiao.report.Api.awaitReport;
import static io.jixiao.report.Api.newDepartmentCode;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.jixiao.infra.TestTokens;
import io.jixiao.report.DepartmentYearFeed;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MonitoringViewTest {

    @Test
    void reviewersSeeRedProjectsFirstCityWideAndPerDepartment() {
        String dept = newDepartmentCode();
        try (DepartmentYearFeed feed = new DepartmentYearFeed(dept)) {
            feed.budget.registerDepartment(dept, "慢单位");
            var slow = feed.budget.registerProject(dept, "新型基础设施建设专项工作经费", "OPENING_BUDGET",
                    Map.of("本年预算", "250000.00"));
            var onTrack = feed.budget.registerProject(dept, "节能监察工作经费", "OPENING_BUDGET",
                    Map.of("本年预算", "100000.00"));
            feed.budget.arrive(slow.line("本年预算"), "250000.00");
            feed.budget.arrive(onTrack.line("本年预算"), "100000.00");
            feed.budget.spend(slow.line("本年预算"), "50000.00");
            feed.budget.spend(onTrack.line("本年预算"), "60000.00");
        }
        awaitReport(dept, r -> "11.00".equals(r.getString("totals.spent")));
        as(TestTokens.reviewer()).queryParam("month", 6).get("/api/monitoring/years/2023").then().statusCode(200)
                .body("projects[0].colour", equalTo("RED"))
                .body("projects.find { it.departmentCode == '" + dept + "' }.spendingProgress", equalTo("40.00"))
                // the department as a whole: 110,000 of 350,000 spent (31.43 %) at half the year is v = 62.86 %, yellow;
                // it takes its red project's colour
                .body("departments.find { it.departmentCode == '" + dept + "' }.departmentName", equalTo("慢单位"))
                .body("departments.find { it.departmentCode == '" + dept + "' }.budget", equalTo("35.00"))
                .body("departments.find { it.departmentCode == '" + dept + "' }.spent", equalTo("11.00"))
                .body("departments.find { it.departmentCode == '" + dept + "' }.executionRate", equalTo("31.43"))
                .body("departments.find { it.departmentCode == '" + dept + "' }.spendingProgress", equalTo("62.86"))
                .body("departments.find { it.departmentCode == '" + dept + "' }.spendingColour", equalTo("YELLOW"))
                .body("departments.find { it.departmentCode == '" + dept + "' }.colour", equalTo("RED"))
                .body("departments.find { it.departmentCode == '" + dept + "' }.redProjects", equalTo(1))
                .body("departments[0].colour", equalTo("RED"));
        as(TestTokens.deptUser(dept)).queryParam("month", 6).get("/api/monitoring/years/2023/departments/" + dept)
                .then().statusCode(200)
                .body("timeProgress", equalTo("50.00"))
                // 20% spent at half the year: v = 40% → red; 60% spent: v = 120% → green
                .body("projects[0].name", equalTo("新型基础设施建设专项工作经费"))
                .body("projects[0].colour", equalTo("RED"))
                .body("projects[0].executionRate", equalTo("20.00"))
                .body("projects[0].spendingProgress", equalTo("40.00"))
                .body("projects[1].colour", equalTo("GREEN"))
                .body("projectsByColour.RED", equalTo(1))
                .body("projectsByColour.GREEN", equalTo(1));
        as(TestTokens.deptUser(dept)).queryParam("month", 13).get("/api/monitoring/years/2023/departments/" + dept)
                .then().statusCode(400).body("field", equalTo("month"));
        as(TestTokens.deptUser(dept)).queryParam("month", 6).get("/api/monitoring/years/2023").then().statusCode(403);
        as(TestTokens.deptUser(newDepartmentCode())).queryParam("month", 6)
                .get("/api/monitoring/years/2023/departments/" + dept).then().statusCode(404);
    }
}
