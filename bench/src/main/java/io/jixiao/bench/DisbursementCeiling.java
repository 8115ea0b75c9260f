package io.jixiao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What the database alone allows for one disbursement per transaction: the statements a disbursement
 * needs (on budget-service's own schema from its migrations, in a scratch database), each disbursement
 * in a transaction of its own, driven by pgbench. Next to the raw single-row insert rate it shows why
 * budget-service commits disbursements in groups: one per transaction cannot reach half that rate
 * even without HTTP, tokens, JSON or the JVM.
 */
final class DisbursementCeiling {

    private static final String DATABASE = "jixiao_bench_ceiling";
    private static final int PROJECTS = 64;
    private static final List<String> MIGRATIONS = List.of(
            "service-common/src/main/resources/db/common/V0_1__idempotency_and_outbox.sql",
            "service-common/src/main/resources/db/common/V0_2__inbox.sql",
            "budget-service/src/main/resources/db/migration/V1__budget_ledger.sql");

    /** A FundsSpent payload of the size budget-service writes. */
    private static final String PAYLOAD = "{\"departmentCode\":\"HHCZJ\",\"fiscalYear\":2023,\"projectId\":\"00000000-0000-0000-0000-000000000000\","
            + "\"businessDate\":\"2023-05-01\",\"entryId\":\"00000000-0000-0000-0000-000000000000\",\"fundingLineId\":"
            + "\"00000000-0000-0000-0000-000000000000\",\"amount\":\"0.01\",\"payee\":\"压测\",\"purpose\":\"吞吐量测试\","
            + "\"voucherNumber\":null,\"lineTotals\":{\"budget\":\"900000000.00\",\"arrived\":\"900000000.00\",\"spent\":"
            + "\"1.00\"},\"projectTotals\":{\"budget\":\"900000000.00\",\"arrived\":\"900000000.00\",\"spent\":\"1.00\"},"
            + "\"actor\":{\"subject\":\"00000000-0000-0000-0000-000000000000\",\"department\":\"HHCZJ\"}}";

    private final Path script;

    private DisbursementCeiling(Path script) {
        this.script = script;
    }

    /** A fresh scratch database with budget-service's schema and projects to disburse from. */
    static DisbursementCeiling create() throws IOException, SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("drop database if exists " + DATABASE + " with (force)");
            st.execute("create database " + DATABASE);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
                Statement st = c.createStatement()) {
            for (String migration : MIGRATIONS) {
                st.execute(Files.readString(Path.of(migration)));
            }
            st.execute("insert into department values ('HHCZJ', '怀化市财政局', now(), 'bench')");
            st.execute("create table bench_target (n integer primary key, project_id uuid not null, line_id uuid not null)");
            st.execute("insert into bench_target select n, gen_random_uuid(), gen_random_uuid() from generate_series(1, "
                    + PROJECTS + ") n");
            st.execute("insert into project (id, department_code, fiscal_year, name, category, registered_at, registered_by)"
                    + " select project_id, 'HHCZJ', 2023, '压测项目 ' || n, 'OPENING_BUDGET', now(), 'bench' from bench_target");
            st.execute("insert into funding_line (id, project_id, name, approved_amount, budget, arrived, created_at)"
                    + " select line_id, project_id, '本年预算', 900000000, 900000000, 900000000, now() from bench_target");
        }
        Path script = Files.createTempFile("disbursement", ".sql");
        // the statements one disbursement needs, in the order budget-service runs them (see DisbursementBatch)
        Files.writeString(script, """
                \\set n random(1, %d)
                BEGIN;
                SELECT p.* FROM project p WHERE p.id = (SELECT project_id FROM bench_target WHERE n = :n) FOR UPDATE;
                SELECT f.* FROM funding_line f WHERE f.project_id = (SELECT project_id FROM bench_target WHERE n = :n) ORDER BY f.created_at, f.name;
                INSERT INTO ledger_entry (id, project_id, funding_line_id, kind, amount, business_date, counterparty, purpose, recorded_at, recorded_by) SELECT gen_random_uuid(), project_id, line_id, 'DISBURSEMENT', 0.01, date '2023-05-01', '压测', '吞吐量测试', now(), 'bench' FROM bench_target WHERE n = :n;
                INSERT INTO outbox_event (event_id, event_type, subject, partition_key, payload, occurred_at) VALUES (gen_random_uuid(), 'jixiao.budget.FundsSpent.v1', 'project/x', 'x', '%s', now());
                UPDATE funding_line SET spent = spent + 0.01 WHERE id = (SELECT line_id FROM bench_target WHERE n = :n);
                COMMIT;
                """.formatted(PROJECTS, PAYLOAD));
        return new DisbursementCeiling(script);
    }

    double transactionsPerSecond(int concurrency, int seconds) throws IOException, InterruptedException {
        return Pgbench.transactionsPerSecond(DATABASE, script, concurrency, seconds);
    }
}
