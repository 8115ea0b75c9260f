package io.jixiao.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ledger written before entries had positions is upgraded in place: each entry gets the place its
 * pages showed (recorded time, then id), the ledger stays append-only, and new entries follow on.
 */
class LedgerPositionMigrationTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "jixiao_budget_migration_test";

    @BeforeEach
    void scratchDatabase() throws SQLException {
        onServer("drop database if exists " + DATABASE + " with (force)");
        onServer("create database " + DATABASE);
    }

    @AfterEach
    void dropScratchDatabase() throws SQLException {
        onServer("drop database if exists " + DATABASE + " with (force)");
    }

    @Test
    void entriesWrittenBeforeTheUpgradeKeepTheirOrderAndNewOnesFollow() throws SQLException {
        flyway("1").migrate();
        try (Connection c = database(); Statement st = c.createStatement()) {
            st.execute("insert into department values ('HHCZJ', '怀化市财政局', now(), 'migration-test')");
            st.execute("""
                    insert into project (id, department_code, fiscal_year, name, category, registered_at, registered_by)
                    values ('00000000-0000-0000-0000-00000000000a', 'HHCZJ', 2023, '项目甲', 'OPENING_BUDGET', now(), 't'),
                           ('00000000-0000-0000-0000-00000000000b', 'HHCZJ', 2023, '项目乙', 'OPENING_BUDGET', now(), 't')""");
            st.execute("""
                    insert into funding_line (id, project_id, name, approved_amount, budget, arrived, created_at)
                    values ('00000000-0000-0000-0000-0000000000fa', '00000000-0000-0000-0000-00000000000a', '本年预算', 100, 100, 100, now()),
                           ('00000000-0000-0000-0000-0000000000fb', '00000000-0000-0000-0000-00000000000b', '本年预算', 100, 100, 100, now())""");
            // written in an order that is not the recorded one: the upgrade must follow recorded time, then id
            for (String[] e : new String[][] {
                    { "00000000-0000-0000-0000-000000000003", "a", "2023-06-01 10:00:02+08" },
                    { "00000000-0000-0000-0000-000000000001", "a", "2023-06-01 10:00:00+08" },
                    { "00000000-0000-0000-0000-000000000005", "b", "2023-06-01 10:00:01+08" },
                    { "00000000-0000-0000-0000-000000000004", "a", "2023-06-01 10:00:02+08" },
                    { "00000000-0000-0000-0000-000000000002", "a", "2023-06-01 10:00:01+08" } }) {
                st.execute("""
                        insert into ledger_entry (id, project_id, funding_line_id, kind, amount, business_date, recorded_at, recorded_by)
                        values ('%s', '00000000-0000-0000-0000-00000000000%s', '00000000-0000-0000-0000-0000000000f%s',
                          'ARRIVAL', 1.00, date '2023-06-01', '%s', 't')""".formatted(e[0], e[1], e[1], e[2]));
            }
        }

        flyway(null).migrate();

        try (Connection c = database(); Statement st = c.createStatement()) {
            assertEquals(List.of("1:1", "2:2", "5:3", "3:4", "4:5"),
                    rows(st, "select right(id::text, 1) || ':' || position from ledger_entry order by position"));
            st.execute("""
                    insert into ledger_entry (id, project_id, funding_line_id, kind, amount, business_date, recorded_at, recorded_by)
                    values ('00000000-0000-0000-0000-000000000006', '00000000-0000-0000-0000-00000000000a',
                      '00000000-0000-0000-0000-0000000000fa', 'ARRIVAL', 1.00, date '2023-06-01', '2023-06-01 09:00:00+08', 't')""");
            assertEquals(List.of("6:6"), rows(st, "select right(id::text, 1) || ':' || position from ledger_entry"
                    + " where id = '00000000-0000-0000-0000-000000000006'"));
            SQLException refused = assertThrows(SQLException.class, () -> st.execute("update ledger_entry set amount = 2.00"));
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            assertThrows(SQLException.class, () -> st.execute("""
                    insert into ledger_entry (id, project_id, funding_line_id, kind, amount, business_date, recorded_at, recorded_by, position)
                    values (gen_random_uuid(), '00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-0000000000fa',
                      'ARRIVAL', 1.00, date '2023-06-01', now(), 't', 1)"""), "a position is the database's to give");
        }
    }

    private static Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(SERVER + DATABASE, "postgres", "")
                .locations("classpath:db/common", "classpath:db/migration")
                // the service's runtime role is the owner here: the grants it would receive are not under test
                .placeholders(Map.of("runtime_role", "postgres", "append_only_tables", "ledger_entry"));
        return (target == null ? configuration : configuration.target(target)).load();
    }

    private static List<String> rows(Statement st, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static void onServer(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(SERVER + DATABASE, "postgres", "");
    }
}
