package io.jixiao.budget.service;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.as;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static io.jixiao.budget.Fixtures.spend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.jixiao.infra.Race;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Two racing requests can never both pass a money rule. */
@QuarkusTest
class ConcurrentLedgerWritesTest {

    private static final int THREADS = 40;

    @Test
    void parallelDisbursementsBeyondTheBalanceNeverOverspend() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "100000.00");
        arrive(project, "100000.00").statusCode(201);

        // 40 × 3000 = 120000 asked of 100000 available: exactly 33 fit
        List<Integer> statuses = Race.repeat(THREADS, () -> spend(dept, project, "3000.00").extract().statusCode());

        long accepted = statuses.stream().filter(s -> s == 201).count();
        long refused = statuses.stream().filter(s -> s == 409).count();
        assertEquals(THREADS, accepted + refused, "every request is accepted or refused by the rule: " + statuses);
        assertEquals(33, accepted);

        JsonPath ledger = as(TestTokens.reviewer()).get("/api/projects/" + project + "/ledger").then().statusCode(200)
                .extract().jsonPath();
        BigDecimal spentInEntries = ledger.getList("entries.findAll { it.kind == 'DISBURSEMENT' }.amount", String.class)
                .stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("99000.00"), spentInEntries);
        assertEquals("99000.00", ledger.getString("balance.total.spent"));
        assertEquals("1000.00", ledger.getString("balance.total.available"));
    }

    @Test
    void parallelArrivalsBeyondTheBudgetNeverOverfill() throws Exception {
        String dept = newDepartment();
        String project = newProject(dept, "150000.00");

        List<Integer> statuses = Race.repeat(THREADS, () -> arrive(project, "7000.00").extract().statusCode());

        long accepted = statuses.stream().filter(s -> s == 201).count();
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
        assertEquals(21, accepted); // 21 × 7000 = 147000 ≤ 150000 < 154000
        as(TestTokens.reviewer()).get("/api/projects/" + project + "/balance").then().statusCode(200)
                .body("total.arrived", org.hamcrest.Matchers.equalTo("147000.00"))
                .body("total.remainingBudget", org.hamcrest.Matchers.equalTo("3000.00"));
    }
}
