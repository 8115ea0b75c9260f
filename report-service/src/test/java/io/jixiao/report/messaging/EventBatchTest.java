package io.jixiao.report.messaging;

import static io.jixiao.report.Api.awaitReport;
import static io.jixiao.report.Api.newDepartmentCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.jixiao.common.inbox.EventInbox;
import io.jixiao.infra.BudgetEventsFeed;
import io.jixiao.report.ReportTestResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The consumers apply a poll's records in one transaction: an event that comes twice, in the same
 * batch or a later one, still moves the money once, and the batch's events land in their order.
 * (The report shows 万元.) The money events carry the totals after them, so an event applied twice — or out of order — would
 * set the project back to an older figure.
 */
@QuarkusTest
class EventBatchTest {

    @Inject
    EventInbox inbox;

    @Inject
    ReadModelProjection projection;

    @Test
    void anEventDeliveredTwiceInOneBatchOrALaterOneMovesTheMoneyOnce() {
        String dept = newDepartmentCode();
        try (BudgetEventsFeed feed = new BudgetEventsFeed(ReportTestResources.infrastructure().kafkaBootstrapServers())) {
            feed.registerDepartment(dept, "批量测试局");
            UUID line = feed.registerProject(dept, "批量项目", Map.of("本年预算", "100000.00")).line("本年预算");
            feed.arrive(line, "100000.00");
            awaitReport(dept, r -> "10.00".equals(r.getString("totals.arrived")));

            UUID first = feed.spendUnsent(line, "10000.00");
            UUID second = feed.spendUnsent(line, "20000.00");
            long applied = inbox.receiveBatch(List.of(feed.asConsumed(first, 100), feed.asConsumed(second, 101),
                    feed.asConsumed(first, 102)), projection);
            assertEquals(2, applied, "the second delivery of the first event is recognised within its batch");
            JsonPath report = awaitReport(dept, r -> "3.00".equals(r.getString("totals.spent")));
            assertEquals("7.00", report.getString("totals.savings"));

            assertEquals(0, inbox.receiveBatch(List.of(feed.asConsumed(first, 103)), projection),
                    "and in a later batch");
            feed.resend(first); // and when the broker delivers it again to the live consumer
            UUID marker = feed.spend(line, "40000.00");
            report = awaitReport(dept, r -> "7.00".equals(r.getString("totals.spent")));
            assertEquals("3.00", report.getString("totals.savings"));
            assertEquals(0, inbox.receiveBatch(List.of(feed.asConsumed(marker, 104)), projection));

            UUID third = feed.spendUnsent(line, "5000.00");
            assertEquals(1, inbox.receiveBatch(List.of(feed.asConsumed(first, 105), feed.asConsumed(third, 106)),
                    projection), "a batch holding an event applied before and a new one applies the new one alone");
            report = awaitReport(dept, r -> "7.50".equals(r.getString("totals.spent")));
            assertEquals("2.50", report.getString("totals.savings"));
            assertEquals(0, inbox.receiveBatch(List.of(feed.asConsumed(third, 107)), projection));
        }
    }

    @Test
    void aBatchThatRegistersAProjectAlsoMovesItsMoney() {
        String dept = newDepartmentCode();
        try (BudgetEventsFeed feed = new BudgetEventsFeed(ReportTestResources.infrastructure().kafkaBootstrapServers())) {
            feed.registerDepartment(dept, "同批测试局");
            BudgetEventsFeed.Project project = feed.registerProjectUnsent(dept, "同批项目",
                    Map.of("本年预算", "80000.00", "上年结转", "20000.00"));
            UUID spent = feed.spendUnsent(project.line("本年预算"), "30000.00");
            UUID carried = feed.spendUnsent(project.line("上年结转"), "5000.00");

            // the batch reads the project and its lines before applying (and finds none): the spending that
            // follows the registration must still find what the registration created
            long applied = inbox.receiveBatch(List.of(feed.asConsumed(project.eventId(), 200),
                    feed.asConsumed(spent, 201), feed.asConsumed(carried, 202)), projection);
            assertEquals(3, applied);
            JsonPath report = awaitReport(dept, r -> r.getList("projects").size() == 1);
            assertEquals("10.00", report.getString("totals.budget"));
            assertEquals("3.50", report.getString("totals.spent"));
        }
    }
}
