package io.jixiao.report.messaging;

import static io.jixiao.report.Api.as;
import static io.jixiao.report.Api.awaitReport;
import static io.jixiao.report.Api.newDepartmentCode;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.jixiao.infra.TestTokens;
import io.jixiao.report.DepartmentYearFeed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Build, rebuild by replaying the topics, compare: the same events give the same report. */
@QuarkusTest
class ReadModelRebuildTest {

    @Inject
    EntityManager em;

    @Test
    void aRebuildEndsInTheSameState() {
        String dept = newDepartmentCode();
        try (DepartmentYearFeed feed = new DepartmentYearFeed(dept)) {
            feed.money().targets().scored("99.39", "优", List.of());
        }
        awaitReport(dept, r -> "优".equals(r.getString("score.grade")) && "46.00".equals(r.getString("totals.spent"))
                && r.getList("indicators").size() == 6);
        as(TestTokens.deptUser(dept)).body("{\"text\":\"资金到位49.01万元\"}")
                .put("/api/reports/" + dept + "/2023/sections/fund-flow").then().statusCode(200);
        String before = as(TestTokens.reviewer()).get("/api/reports/" + dept + "/2023/report.json").then()
                .statusCode(200).extract().asString();

        as(TestTokens.deptUser(dept)).post("/api/admin/read-model/rebuild").then().statusCode(403);
        as(TestTokens.admin()).post("/api/admin/read-model/rebuild").then().statusCode(200)
                .body("events", greaterThanOrEqualTo(20))
                .body("applied", greaterThanOrEqualTo(20));

        String after = as(TestTokens.reviewer()).get("/api/reports/" + dept + "/2023/report.json").then()
                .statusCode(200).extract().asString();
        assertEquals(before, after);

        // the truncate left PostgreSQL's planner believing the tables empty (reltuples -1): the rebuild
        // counted them again, or the projection's lookups by id would go on scanning whole tables
        for (String table : List.of("rm_project", "rm_funding_line", "rm_indicator", "processed_event")) {
            double estimated = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                    .createNativeQuery("select reltuples from pg_class where oid = to_regclass(?1)")
                    .setParameter(1, table).getSingleResult()).doubleValue());
            assertTrue(estimated >= 1, table + " is estimated at " + estimated + " rows after the rebuild");
        }
    }
}
