package io.jixiao.budget.rest;

import static io.jixiao.budget.Fixtures.arrive;
import static io.jixiao.budget.Fixtures.as;
import static io.jixiao.budget.Fixtures.newDepartment;
import static io.jixiao.budget.Fixtures.newProject;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.jixiao.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** A project's ledger and the list of projects are read in bounded pages, each naming the next. */
@QuarkusTest
class PagedReadsTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aLongLedgerIsReadPageByPageWithNothingMissedOrRepeated() throws SQLException {
        String project = newProject(newDepartment(), "100000.00");
        arrive(project, "100000.00").statusCode(201);
        // 1,100 disbursements already on the ledger, two to each instant
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into ledger_entry (id, project_id, funding_line_id, kind, amount, business_date, counterparty,
                  purpose, recorded_at, recorded_by)
                select gen_random_uuid(), project_id, funding_line_id, 'DISBURSEMENT', 0.01, date '2023-06-01', '怀化某公司',
                  '运维服务第' || g || '期', now() + (g / 2) * interval '1 millisecond', 'ledger-pages-test'
                from ledger_entry, generate_series(1, 1100) g where project_id = ?::uuid""")) {
            insert.setString(1, project);
            assertEquals(1100, insert.executeUpdate());
        }

        List<String> read = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String page = "/api/projects/" + project + "/ledger";
        while (page != null) {
            JsonPath body = as(TestTokens.reviewer()).get(page).then().statusCode(200)
                    .body("balance.total.arrived", equalTo("100000.00")).extract().jsonPath();
            List<String> ids = body.getList("entries.id");
            pageSizes.add(ids.size());
            read.addAll(ids);
            page = body.getString("next");
        }
        assertEquals(List.of(500, 500, 101), pageSizes);
        assertEquals(inLedgerOrder(project), read);

        as(TestTokens.reviewer()).queryParam("limit", 3).get("/api/projects/" + project + "/ledger").then()
                .statusCode(200).body("entries", hasSize(3))
                .body("next", endsWith("after=" + read.get(2) + "&limit=3"));
        as(TestTokens.reviewer()).queryParam("after", read.get(1099)).get("/api/projects/" + project + "/ledger")
                .then().statusCode(200).body("entries.id", equalTo(List.of(read.get(1100)))).body("next", nullValue());
    }

    @Test
    void aReaderPollingTheLedgerSeesAnEntryFromAReplicaWhoseClockLags() throws SQLException {
        String project = newProject(newDepartment(), "100.00");
        String ledger = "/api/projects/" + project + "/ledger";
        String arrival = arrive(project, "100.00").statusCode(201).extract().path("id");
        as(TestTokens.reviewer()).get(ledger).then().statusCode(200).body("entries.id", equalTo(List.of(arrival)))
                .body("next", nullValue());

        // another budget-service replica, its clock five seconds behind this one's, then commits a
        // disbursement the way its write path does: project locked, entry appended, line total moved
        String disbursement = UUID.randomUUID().toString();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("select id from project where id = ?::uuid for update");
                    PreparedStatement append = c.prepareStatement("""
                            insert into ledger_entry (id, project_id, funding_line_id, kind, amount, business_date,
                              counterparty, purpose, recorded_at, recorded_by)
                            select ?::uuid, project_id, funding_line_id, 'DISBURSEMENT', 10.00, date '2023-06-01',
                              '怀化某公司', '设备购置', recorded_at - interval '5 seconds', 'lagging-replica'
                            from ledger_entry where id = ?::uuid""");
                    PreparedStatement spend = c.prepareStatement(
                            "update funding_line set spent = spent + 10.00 where project_id = ?::uuid")) {
                lock.setString(1, project);
                lock.executeQuery().close();
                append.setString(1, disbursement);
                append.setString(2, arrival);
                assertEquals(1, append.executeUpdate());
                spend.setString(1, project);
                assertEquals(1, spend.executeUpdate());
            }
            c.commit();
        }

        // the reader goes on after the last entry it saw, and finds the disbursement there
        as(TestTokens.reviewer()).queryParam("after", arrival).get(ledger).then().statusCode(200)
                .body("entries.id", equalTo(List.of(disbursement))).body("entries[0].amount", equalTo("10.00"))
                .body("balance.total.spent", equalTo("10.00"));
        as(TestTokens.reviewer()).get(ledger).then().statusCode(200)
                .body("entries.id", equalTo(List.of(arrival, disbursement)));
    }

    @Test
    void aPageBeyondTheLimitOrAfterAnotherLedgersEntryIsRefused() {
        String project = newProject(newDepartment(), "100.00");
        String other = newProject(newDepartment(), "100.00");
        String otherEntry = arrive(other, "100.00").statusCode(201).extract().path("id");
        String ledger = "/api/projects/" + project + "/ledger";
        as(TestTokens.reviewer()).queryParam("limit", 1001).get(ledger).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("limit"));
        as(TestTokens.reviewer()).queryParam("limit", 0).get(ledger).then().statusCode(400).body("field", equalTo("limit"));
        as(TestTokens.reviewer()).queryParam("after", otherEntry).get(ledger).then().statusCode(400)
                .body("field", equalTo("after"));
        as(TestTokens.reviewer()).queryParam("after", "not-an-id").get(ledger).then().statusCode(400)
                .body("field", equalTo("after"));
        as(TestTokens.reviewer()).queryParam("after", UUID.randomUUID()).get(ledger).then().statusCode(400)
                .body("field", equalTo("after"));
    }

    @Test
    void projectsAreListedPageByPageWithTheSameFilters() {
        String dept = newDepartment();
        List<String> registered = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            registered.add(as(TestTokens.portal()).body("""
                    {"departmentCode":"%s","fiscalYear":2023,"name":"项目 %d","category":"OPENING_BUDGET","budget":"1.00"}"""
                    .formatted(dept, i)).post("/api/projects").then().statusCode(201).extract().path("id"));
        }
        as(TestTokens.portal()).body("""
                {"departmentCode":"%s","fiscalYear":2022,"name":"往年项目","category":"OPENING_BUDGET","budget":"1.00"}"""
                .formatted(dept)).post("/api/projects").then().statusCode(201);

        List<String> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String page = "/api/projects?department=" + dept + "&year=2023&limit=3";
        while (page != null) {
            Response response = as(TestTokens.reviewer()).get(page);
            response.then().statusCode(200);
            List<String> ids = response.jsonPath().getList("id");
            pageSizes.add(ids.size());
            listed.addAll(ids);
            String link = response.header("Link");
            page = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            if (page != null) {
                assertTrue(link.endsWith("rel=\"next\"") && page.contains("year=2023") && page.contains("limit=3"), link);
            }
        }
        assertEquals(List.of(3, 3, 1), pageSizes);
        assertEquals(registered, listed, "the 2023 projects in name order, each once");

        String elsewhere = newProject(newDepartment(), "1.00");
        as(TestTokens.reviewer()).queryParam("department", dept).queryParam("after", elsewhere).get("/api/projects")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("after"));
        as(TestTokens.reviewer()).queryParam("limit", 1001).get("/api/projects").then().statusCode(400)
                .body("field", equalTo("limit"));
        // another department's user learns nothing from a cursor: their list is empty whatever it names
        as(TestTokens.deptUser(newDepartment())).queryParam("department", dept).queryParam("after", registered.get(0))
                .get("/api/projects").then().statusCode(200).body("$", hasSize(0));
    }

    private List<String> inLedgerOrder(String project) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement select = c.prepareStatement(
                "select id from ledger_entry where project_id = ?::uuid order by position")) {
            select.setString(1, project);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
