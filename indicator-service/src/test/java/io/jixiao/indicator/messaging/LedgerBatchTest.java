package io.jixiao.indicator.messaging;

import static io.jixiao.indicator.Api.awaitProjectKnown;
import static io.jixiao.indicator.Api.define;
import static io.jixiao.indicator.Api.newDepartmentCode;
import static io.jixiao.indicator.messaging.LedgerFedIndicatorsTest.indicator;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.jixiao.common.inbox.EventInbox;
import io.jixiao.indicator.FundingLineLedger;
import io.jixiao.indicator.IndicatorTestResources;
import io.jixiao.indicator.ProjectLedger;
import io.jixiao.infra.BudgetEventsFeed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One poll moving several projects of a department: each project's cost line follows its own ledger,
 * and the department's execution rate follows all of them, from the batch's final totals.
 */
@QuarkusTest
class LedgerBatchTest {

    @Inject
    EventInbox inbox;

    @Inject
    LedgerProjection projection;

    @Test
    void aBatchMovingTwoProjectsMovesEachCostLineAndTheDepartmentRateOnce() {
        String dept = newDepartmentCode();
        try (BudgetEventsFeed feed = new BudgetEventsFeed(IndicatorTestResources.infrastructure().kafkaBootstrapServers())) {
            BudgetEventsFeed.Project roads = feed.registerProject(dept, "农村公路养护", Map.of("本年预算", "300000.00"));
            BudgetEventsFeed.Project schools = feed.registerProject(dept, "校舍维修", Map.of("本年预算", "200000.00"));
            awaitProjectKnown(dept, roads.id());
            awaitProjectKnown(dept, schools.id());
            String roadsCost = define(dept, spentCeiling(dept, roads.id(), "公路养护经费", "30"));
            String schoolsCost = define(dept, spentCeiling(dept, schools.id(), "校舍维修经费", "20"));
            String executionRate = define(dept, """
                    {"departmentCode":"%s","fiscalYear":2023,"level1":"OUTPUT","level2":"QUANTITY","name":"预算执行率",
                     "direction":"GE","target":"90","unit":"%%","weight":"0","actualSource":"LEDGER",
                     "ledgerMeasure":"EXECUTION_RATE"}""".formatted(dept));

            UUID first = feed.spendUnsent(roads.line("本年预算"), "100000.00");
            UUID second = feed.spendUnsent(schools.line("本年预算"), "50000.00");
            UUID third = feed.spendUnsent(roads.line("本年预算"), "20000.00");
            long applied = inbox.receiveBatch(List.of(feed.asConsumed(first, 900), feed.asConsumed(second, 901),
                    feed.asConsumed(third, 902)), projection);

            assertEquals(3, applied);
            assertActual("12", dept, roadsCost); // roads spent 120,000 元 = 12 万元
            assertActual("5", dept, schoolsCost);
            assertActual("34", dept, executionRate); // 170,000 of the department's 500,000
        }
    }

    /**
     * A batch that registers a project and spends on it: the registration is written as an entity, the totals
     * over it by the batch's set-based update, and the next batch moves the same rows again.
     */
    @Test
    void aProjectRegisteredAndSpentInOneBatchKeepsTheBatchsLastTotals() {
        String dept = newDepartmentCode();
        try (BudgetEventsFeed feed = new BudgetEventsFeed(IndicatorTestResources.infrastructure().kafkaBootstrapServers())) {
            String executionRate = define(dept, """
                    {"departmentCode":"%s","fiscalYear":2023,"level1":"OUTPUT","level2":"QUANTITY","name":"预算执行率",
                     "direction":"GE","target":"90","unit":"%%","weight":"0","actualSource":"LEDGER",
                     "ledgerMeasure":"EXECUTION_RATE"}""".formatted(dept));
            BudgetEventsFeed.Project bridges = feed.registerProjectUnsent(dept, "桥梁检测", Map.of("本年预算", "100000.00"));
            UUID line = bridges.line("本年预算");
            UUID spent = feed.spendUnsent(line, "40000.00");
            assertEquals(2, inbox.receiveBatch(List.of(feed.asConsumed(bridges.eventId(), 910),
                    feed.asConsumed(spent, 911)), projection));
            assertActual("40", dept, executionRate);
            assertSpent("40000.00", bridges.id(), line);

            UUID more = feed.spendUnsent(line, "10000.00");
            assertEquals(1, inbox.receiveBatch(List.of(feed.asConsumed(more, 912)), projection));
            assertActual("50", dept, executionRate);
            assertSpent("50000.00", bridges.id(), line);
        }
    }

    private static void assertSpent(String expected, UUID project, UUID line) {
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(new BigDecimal(expected), ProjectLedger.<ProjectLedger>findById(project).funds.spent);
            assertEquals(new BigDecimal(expected), FundingLineLedger.<FundingLineLedger>findById(line).funds.spent);
        });
    }

    private static void assertActual(String expected, String dept, String indicatorId) {
        String actual = indicator(dept, indicatorId).extract().path("actual");
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)), "actual " + actual + ", expected " + expected);
    }

    private static String spentCeiling(String dept, UUID project, String name, String ceiling) {
        return """
                {"departmentCode":"%s","fiscalYear":2023,"projectId":"%s","level1":"COST","level2":"ECONOMIC_COST",
                 "name":"%s","direction":"LE","target":"%s","unit":"万元","weight":"10","actualSource":"LEDGER",
                 "ledgerMeasure":"SPENT"}""".formatted(dept, project, name, ceiling);
    }
}
