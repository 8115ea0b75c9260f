package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.as;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static io.jixiao.budget.Fixtures.spend;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.agroal.api.AgroalDataSource;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LedgerRulesTest {

    @Inject
    AgroalDataSource db;

    @Test
    void anArrivalBeyondTheRemainingBudgetIsRefusedWithBothFigures() {
        String dept = newDepartment();
        String project = newProject(dept, "110000.00");
        arrive(project, "100000.00").statusCode(201).body("kind", equalTo("ARRIVAL")).body("amount", equalTo("100000.00"));

        arrive(project, "10000.01").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:jixiao:problem:arrival-exceeds-budget"))
                .body("projectId", equalTo(project))
                .body("remainingBudget", equalTo("10000.00"))
                .body("requested", equalTo("10000.01"));

        arrive(project, "10000.00").statusCode(201);
        balance(project).body("total.arrived", equalTo("110000.00")).body("total.arrivalRate", equalTo("100.00"));
    }

    @Test
    void aDisbursementBeyondTheAvailableFundsIsRefusedAndChangesNothing() {
        String dept = newDepartment();
        String project = newProject(dept, "250000.00");
        arrive(project, "200000.00").statusCode(201);
        spend(dept, project, "150000.00").statusCode(201);

        spend(dept, project, "50000.01").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:jixiao:problem:insufficient-funds"))
                .body("projectId", equalTo(project))
                .body("projectName", containsString("项目"))
                .body("available", equalTo("50000.00"))
                .body("requested", equalTo("50000.01"))
                .body("detail", containsString("50000.00 available"));

        as(TestTokens.deptUser(dept)).get("/api/projects/" + project + "/ledger").then().statusCode(200)
                .body("entries", hasSize(2))
                .body("balance.total.spent", equalTo("150000.00"));
    }

    /** Input the database could not store is bad input: a 400 naming the field, not a database failure. */
    @ParameterizedTest(name = "{0} = {1} → 400 naming {0}")
    @CsvSource(delimiter = '|', value = {
            "spentOn | \"+10000000-01-01\"",
            "spentOn | \"1999-12-31\"",
            "purpose | \"运维\\u0000服务\"",
            "payee | \"\\u0000\"" })
    void aDisbursementTheLedgerCouldNotStoreIsRefusedNamingTheField(String field, String value) throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "1000.00");
        arrive(project, "1000.00").statusCode(201);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree("""
                {"amount":"10.00","spentOn":"2023-05-10","payee":"怀化某公司","purpose":"运维服务"}""");
        json.set(field, mapper.readTree(value));

        as(TestTokens.deptUser(dept)).body(json.toString()).post("/api/projects/" + project + "/disbursements")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field))
                .body("violations.field", org.hamcrest.Matchers.hasItem(field));
        as(TestTokens.deptUser(dept)).get("/api/projects/" + project + "/ledger").then().statusCode(200)
                .body("entries", hasSize(1))
                .body("balance.total.spent", equalTo("0.00"));
    }

    @Test
    void theBalanceCarriesTheRatesOfTheSeed() {
        // the seed: 1327.19 万元 arrived of 1327.19, 1240.6 spent → 100%, 93.48%, savings 86.59 and 6.52%
        String dept = newDepartment();
        String project = newProject(dept, "13271900.00");
        arrive(project, "13271900.00").statusCode(201);
        spend(dept, project, "12406000.00").statusCode(201);
        balance(project)
                .body("total.budget", equalTo("13271900.00"))
                .body("total.arrived", equalTo("13271900.00"))
                .body("total.spent", equalTo("12406000.00"))
                .body("total.available", equalTo("865900.00"))
                .body("total.savings", equalTo("865900.00"))
                .body("total.arrivalRate", equalTo("100.00"))
                .body("total.executionRate", equalTo("93.48"))
                .body("total.savingsRate", equalTo("6.52"));
    }

    @Test
    void entriesNameTheirFundingLineWhenThereIsMoreThanOne() {
        String dept = newDepartment();
        var created = as(TestTokens.portal()).body("""
                {"departmentCode":"%s","fiscalYear":2023,"name":"智慧怀化工作经费","category":"MID_YEAR_ADJUSTMENT",
                 "fundingLines":[{"name":"2023年预算","amount":"300000.00"},
                                 {"name":"2022年结转","amount":"40000.00","carriedOverFromYear":2022}]}""".formatted(dept))
                .post("/api/projects").then().statusCode(201).extract();
        String project = created.path("id");
        String thisYear = created.path("fundingLines[0].id");
        String carryOver = created.path("fundingLines[1].id");

        arrive(project, "1.00").statusCode(400).body("field", equalTo("fundingLineId"))
                .body("detail", containsString("2 funding lines"));

        as(TestTokens.portal()).body("""
                {"fundingLineId":"%s","amount":"40000.00","arrivedOn":"2023-02-01"}""".formatted(carryOver))
                .post("/api/projects/" + project + "/arrivals").then().statusCode(201);
        as(TestTokens.portal()).body("""
                {"fundingLineId":"%s","amount":"300000.00","arrivedOn":"2023-07-01"}""".formatted(thisYear))
                .post("/api/projects/" + project + "/arrivals").then().statusCode(201);
        // the carry-over line has only 40000: spending 40000.01 from it is refused even though the project has more
        as(TestTokens.deptUser(dept)).body("""
                {"fundingLineId":"%s","amount":"40000.01","spentOn":"2023-08-01","payee":"p","purpose":"电费"}"""
                .formatted(carryOver))
                .post("/api/projects/" + project + "/disbursements").then().statusCode(409)
                .body("fundingLineId", equalTo(carryOver))
                .body("available", equalTo("40000.00"));

        balance(project)
                .body("total.budget", equalTo("340000.00"))
                .body("total.arrived", equalTo("340000.00"))
                .body("lines.name", contains("2023年预算", "2022年结转"))
                .body("lines[1].figures.arrived", equalTo("40000.00"));
    }

    @Test
    void aReversalCorrectsAnEntryOnceAndKeepsTheOriginal() {
        String dept = newDepartment();
        String project = newProject(dept, "50000.00");
        arrive(project, "50000.00").statusCode(201);
        String spent = spend(dept, project, "12000.00").statusCode(201).extract().path("id");

        String reversal = """
                {"entryId":"%s","reason":"凭证金额录入错误","reversedOn":"2023-05-11"}""".formatted(spent);
        as(TestTokens.deptUser(dept)).body(reversal).post("/api/projects/" + project + "/reversals")
                .then().statusCode(201)
                .body("kind", equalTo("DISBURSEMENT_REVERSAL"))
                .body("reversesEntryId", equalTo(spent))
                .body("amount", equalTo("12000.00"));
        as(TestTokens.deptUser(dept)).body(reversal).post("/api/projects/" + project + "/reversals")
                .then().statusCode(409).body("type", equalTo("urn:jixiao:problem:already-reversed"));

        as(TestTokens.deptUser(dept)).get("/api/projects/" + project + "/ledger").then().statusCode(200)
                .body("entries.kind", contains("ARRIVAL", "DISBURSEMENT", "DISBURSEMENT_REVERSAL"))
                .body("balance.total.spent", equalTo("0.00"))
                .body("balance.total.available", equalTo("50000.00"));
    }

    @Test
    void anArrivalCannotBeReversedBelowWhatWasSpentNorByTheDepartment() {
        String dept = newDepartment();
        String project = newProject(dept, "50000.00");
        String arrival = arrive(project, "50000.00").statusCode(201).extract().path("id");
        spend(dept, project, "10000.00").statusCode(201);
        String reversal = """
                {"entryId":"%s","reason":"重复到账","reversedOn":"2023-06-01"}""".formatted(arrival);

        as(TestTokens.deptUser(dept)).body(reversal).post("/api/projects/" + project + "/reversals")
                .then().statusCode(403);
        as(TestTokens.portal()).body(reversal).post("/api/projects/" + project + "/reversals")
                .then().statusCode(409)
                .body("type", equalTo("urn:jixiao:problem:reversal-exceeds-available"))
                .body("available", equalTo("40000.00"))
                .body("requested", equalTo("50000.00"));
    }

    @Test
    void budgetAdjustmentsKeepTheirHistoryAndNeverGoBelowWhatArrived() {
        String dept = newDepartment();
        String project = newProject(dept, "100000.00");
        arrive(project, "80000.00").statusCode(201);
        adjust(project, "-30000.00").statusCode(409)
                .body("type", equalTo("urn:jixiao:problem:budget-below-arrived"))
                .body("arrived", equalTo("80000.00"));
        adjust(project, "58000.00").statusCode(201).body("amount", equalTo("58000.00"));
        adjust(project, "-20000.00").statusCode(201);
        adjust(project, "0").statusCode(400).body("field", equalTo("amount"));

        as(TestTokens.deptUser(dept)).get("/api/projects/" + project + "/budget-adjustments").then().statusCode(200)
                .body("amount", contains("58000.00", "-20000.00"))
                .body("documentRef", contains("怀财预〔2023〕1号", "怀财预〔2023〕1号"));
        balance(project).body("total.budget", equalTo("138000.00"));
    }

    @Test
    void theDepartmentYearSummaryCountsAndSumsPerCategoryNextToWhatWasDeclared() {
        String dept = newDepartment();
        String a = newProject(dept, "110000.00");
        newProject(dept, "150000.00");
        as(TestTokens.portal()).body("""
                {"departmentCode":"%s","fiscalYear":2023,"name":"规模工业企业培育发展奖励资金","category":"HIGHER_LEVEL_SPECIAL",
                 "budget":"1500000.00"}""".formatted(dept)).post("/api/projects").then().statusCode(201);
        arrive(a, "110000.00").statusCode(201);
        spend(dept, a, "100000.00").statusCode(201);
        as(TestTokens.portal()).body("""
                {"approvedTotal":"1760000.01","projectCounts":{"OPENING_BUDGET":2,"HIGHER_LEVEL_SPECIAL":1},
                 "projectCount":3,"fundsAllocated":"1760000.01"}""")
                .post("/api/departments/" + dept + "/years/2023/declared-figures").then().statusCode(201);

        as(TestTokens.deptLead(dept)).get("/api/departments/" + dept + "/years/2023/summary").then().statusCode(200)
                .body("categories.find { it.category == 'OPENING_BUDGET' }.projectCount", equalTo(2))
                .body("categories.find { it.category == 'OPENING_BUDGET' }.figures.budget", equalTo("260000.00"))
                .body("categories.find { it.category == 'HIGHER_LEVEL_SPECIAL' }.figures.budget", equalTo("1500000.00"))
                .body("categories.find { it.category == 'CARRY_OVER' }.projectCount", equalTo(0))
                .body("total.projectCount", equalTo(3))
                .body("total.figures.budget", equalTo("1760000.00"))
                .body("total.figures.arrived", equalTo("110000.00"))
                .body("total.figures.spent", equalTo("100000.00"))
                .body("declared.approvedTotal", equalTo("1760000.01"))
                .body("declared.projectCounts.OPENING_BUDGET", equalTo(2));
    }

    /** DESIGN §9 history: each declaration of a department-year's figures, with the one it replaced. */
    @Test
    void declaredFiguresKeepTheirHistory() {
        String dept = newDepartment();
        String path = "/api/departments/" + dept + "/years/2023/declared-figures";
        for (String total : new String[] { "13271900.00", "13271800.00" }) {
            as(TestTokens.portal()).body("""
                    {"approvedTotal":"%s","projectCounts":{"OPENING_BUDGET":12},"projectCount":34,"fundsAllocated":"%s"}"""
                    .formatted(total, total)).post(path).then().statusCode(201);
        }
        as(TestTokens.deptUser(dept)).get(path + "/history").then().statusCode(200)
                .body("change", contains("declared", "declared again"))
                .body("[1].before.approvedTotal", equalTo("13271900.00"))
                .body("[1].after.approvedTotal", equalTo("13271800.00"))
                .body("[1].by", equalTo("service-account-finance-portal"));
    }

    /**
     * DESIGN §9: the role the service runs as may add to the ledger but not change or remove what it keeps (no
     * UPDATE, DELETE or TRUNCATE); even the owner, which migrates it, is stopped by the append-only trigger.
     */
    @Test
    void theLedgerIsAppendOnlyInTheDatabaseItself() throws SQLException {
        String dept = newDepartment();
        String project = newProject(dept, "1000.00");
        arrive(project, "1000.00").statusCode(201);
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            for (String change : new String[] { "update ledger_entry set amount = 1 where project_id = '" + project + "'",
                    "delete from ledger_entry where project_id = '" + project + "'", "truncate ledger_entry cascade",
                    "update budget_adjustment set amount = 1", "truncate declared_figures", "drop table ledger_entry cascade" }) {
                SQLException refused = assertThrows(SQLException.class, () -> st.execute(change), change);
                assertTrue(refused.getSQLState().equals("42501"), change + ": " + refused.getMessage());
            }
        }
        var infra = io.jixiao.budget.BudgetTestResources.infrastructure();
        try (Connection owner = java.sql.DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
                Statement st = owner.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> st.executeUpdate("update ledger_entry set amount = 1 where project_id = '" + project + "'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class,
                    () -> st.executeUpdate("delete from ledger_entry where project_id = '" + project + "'"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }
        balance(project).body("total.arrived", equalTo("1000.00"));
    }

    @Test
    void theRunningTotalsAlwaysEqualTheLedger() throws SQLException {
        // the balance cache on funding_line must equal the sums of the entries, for every line of every test so far
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                var rs = st.executeQuery("""
                        select count(*) from funding_line l
                        left join (select funding_line_id,
                              sum(case kind when 'ARRIVAL' then amount when 'ARRIVAL_REVERSAL' then -amount else 0 end) arrived,
                              sum(case kind when 'DISBURSEMENT' then amount when 'DISBURSEMENT_REVERSAL' then -amount else 0 end) spent
                            from ledger_entry group by funding_line_id) e on e.funding_line_id = l.id
                        where l.arrived <> coalesce(e.arrived, 0) or l.spent <> coalesce(e.spent, 0)""")) {
            rs.next();
            org.junit.jupiter.api.Assertions.assertEquals(0, rs.getInt(1));
        }
    }

    private static io.restassured.response.ValidatableResponse balance(String project) {
        return as(TestTokens.reviewer()).get("/api/projects/" + project + "/balance").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse adjust(String project, String amount) {
        return as(TestTokens.portal()).body("""
                {"amount":"%s","reason":"年中调整","documentRef":"怀财预〔2023〕1号","adjustedOn":"2023-07-15"}"""
                .formatted(amount))
                .post("/api/projects/" + project + "/budget-adjustments").then();
    }
}
