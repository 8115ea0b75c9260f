package io.jixiao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What the database alone allows for one disbursement per transaction, on budget-service's own schema
 * (from its migrations, in a scratch database), driven by pgbench, two ways:
 * <ul>
 * <li>statement by statement, as budget-service sends them (lock the project, read its lines, append the
 * entry and the outbox event, move the line's total, commit): a round trip each;</li>
 * <li>in one statement (a data-modifying CTE that locks, checks the funds, appends both rows and moves the
 * total), in a transaction of its own: one round trip, the least a rule-checked disbursement with an
 * outbox can cost the database;</li>
 * <li>the entry and the line's total alone, in one statement: no project lock and no outbox row, as if the
 * ledger itself were the outbox and the line's row the only lock. A floor under any design that keeps this
 * ledger, whatever it gives up for it.</li>
 * </ul>
 * Next to the raw single-row insert rate they show why budget-service commits disbursements in groups,
 * and what no design can pass when there is nothing to group (one client): even without HTTP, tokens,
 * JSON or the JVM.
 */
final class DisbursementCeiling implements AutoCloseable {

    private static final String DATABASE = "jixiao_bench_ceiling";
    private static final int PROJECTS = 64;
    private static final List<String> MIGRATIONS = List.of(
            "service-common/src/main/resources/db/common/V0_1__idempotency_and_outbox.sql",
            "service-common/src/main/resources/db/common/V0_2__inbox.sql",
            "budget-service/src/main/resources/db/migration/V1__budget_ledger.sql",
            "budget-service/src/main/resources/db/migration/V2__ledger_position.sql");

    /** A FundsSpent payload of the size budget-service writes. */
    private static final String PAYLOAD = "{\"departmentCode\":\"HHCZJ\",\"fiscalYear\":2023,\"projectId\":\"00000000-0000-0000-0000-000000000000\","
            + "\"businessDate\":\"2023-05-01\",\"entryId\":\"00000000-0000-0000-0000-000000000000\",\"fundingLineId\":"
            + "\"00000000-0000-0000-0000-000000000000\",\"amount\":\"0.01\",\"payee\":\"压测\",\"purpose\":\"吞吐量测试\","
            + "\"voucherNumber\":null,\"lineTotals\":{\"budget\":\"900000000.00\",\"arrived\":\"900000000.00\",\"spent\":"
            + "\"1.00\"},\"projectTotals\":{\"budget\":\"900000000.00\",\"arrived\":\"900000000.00\",\"spent\":\"1.00\"},"
            + "\"actor\":{\"subject\":\"00000000-0000-0000-0000-000000000000\",\"department\":\"HHCZJ\"}}";

    private final Path statementByStatement;
    private final Path oneStatement;
    private final Path entryAndTotal;

    private DisbursementCeiling(Path statementByStatement, Path oneStatement, Path entryAndTotal) {
        this.statementByStatement = statementByStatement;
        this.oneStatement = oneStatement;
        this.entryAndTotal = entryAndTotal;
    }

    /** A fresh scratch database with budget-service's schema and projects to disburse from. */
    static DisbursementCeiling create() throws IOException, SQLException {
        onServer("drop database if exists " + DATABASE + " with (force)");
        onServer("create database " + DATABASE);
        try (Connection c = scratchDatabase(); Statement st = c.createStatement()) {
            Path root = repositoryRoot();
            for (String migration : MIGRATIONS) {
                st.execute(Files.readString(root.resolve(migration)));
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
        Path statementByStatement = Files.createTempFile("disbursement", ".sql");
        // the statements one disbursement needs, in the order budget-service runs them (see DisbursementBatch)
        Files.writeString(statementByStatement, """
                \\set n random(1, %d)
                BEGIN;
                SELECT p.* FROM project p WHERE p.id = (SELECT project_id FROM bench_target WHERE n = :n) FOR UPDATE;
                SELECT f.* FROM funding_line f WHERE f.project_id = (SELECT project_id FROM bench_target WHERE n = :n) ORDER BY f.created_at, f.name;
                INSERT INTO ledger_entry (id, project_id, funding_line_id, kind, amount, business_date, counterparty, purpose, recorded_at, recorded_by) SELECT gen_random_uuid(), project_id, line_id, 'DISBURSEMENT', 0.01, date '2023-05-01', '压测', '吞吐量测试', now(), 'bench' FROM bench_target WHERE n = :n;
                INSERT INTO outbox_event (event_id, event_type, subject, partition_key, payload, occurred_at) VALUES (gen_random_uuid(), 'jixiao.budget.FundsSpent.v1', 'project/x', 'x', '%s', now());
                UPDATE funding_line SET spent = spent + 0.01 WHERE id = (SELECT line_id FROM bench_target WHERE n = :n);
                COMMIT;
                """.formatted(PROJECTS, PAYLOAD));
        Path oneStatement = Files.createTempFile("disbursement-one-statement", ".sql");
        // the same work in one round trip: the entry only if the line's available funds cover it, the event
        // only with the entry, the total only with the event
        Files.writeString(oneStatement, """
                \\set n random(1, %d)
                WITH t AS (SELECT project_id, line_id FROM bench_target WHERE n = :n),
                  p AS (SELECT pr.id FROM project pr JOIN t ON pr.id = t.project_id FOR UPDATE OF pr),
                  f AS (SELECT fl.id, fl.arrived - fl.spent AS available FROM funding_line fl JOIN p ON fl.project_id = p.id
                    WHERE fl.id = (SELECT line_id FROM t)),
                  e AS (INSERT INTO ledger_entry (id, project_id, funding_line_id, kind, amount, business_date, counterparty, purpose, recorded_at, recorded_by)
                    SELECT gen_random_uuid(), t.project_id, t.line_id, 'DISBURSEMENT', 0.01, date '2023-05-01', '压测', '吞吐量测试', now(), 'bench'
                    FROM t JOIN f ON f.id = t.line_id WHERE f.available >= 0.01 RETURNING id),
                  o AS (INSERT INTO outbox_event (event_id, event_type, subject, partition_key, payload, occurred_at)
                    SELECT gen_random_uuid(), 'jixiao.budget.FundsSpent.v1', 'project/x', 'x', '%s', now() FROM e RETURNING 1)
                UPDATE funding_line SET spent = spent + 0.01 WHERE id = (SELECT line_id FROM t) AND EXISTS (SELECT 1 FROM o);
                """.formatted(PROJECTS, PAYLOAD));
        Path entryAndTotal = Files.createTempFile("disbursement-entry-and-total", ".sql");
        // the least of all: the line's total moves only while its arrived funds cover it, and the entry is
        // appended only with that move
        Files.writeString(entryAndTotal, """
                \\set n random(1, %d)
                WITH t AS (SELECT project_id, line_id FROM bench_target WHERE n = :n),
                  f AS (UPDATE funding_line SET spent = spent + 0.01 WHERE id = (SELECT line_id FROM t) AND arrived - spent >= 0.01
                    RETURNING id, project_id)
                INSERT INTO ledger_entry (id, project_id, funding_line_id, kind, amount, business_date, counterparty, purpose, recorded_at, recorded_by)
                  SELECT gen_random_uuid(), f.project_id, f.id, 'DISBURSEMENT', 0.01, date '2023-05-01', '压测', '吞吐量测试', now(), 'bench' FROM f;
                """.formatted(PROJECTS));
        return new DisbursementCeiling(statementByStatement, oneStatement, entryAndTotal);
    }

    /** Disbursements/s, statement by statement as budget-service sends them, one per transaction. */
    double statementByStatementPerSecond(int concurrency, int seconds) throws IOException, InterruptedException {
        return Pgbench.transactionsPerSecond(DATABASE, statementByStatement, concurrency, seconds);
    }

    /** Disbursements/s, each one statement (one round trip) in a transaction of its own. */
    double oneStatementPerSecond(int concurrency, int seconds) throws IOException, InterruptedException, SQLException {
        return appendingPerSecond(oneStatement, "one-statement", concurrency, seconds);
    }

    /** Disbursements/s, each only the entry and the line's total, one statement in a transaction of its own. */
    double entryAndTotalPerSecond(int concurrency, int seconds) throws IOException, InterruptedException, SQLException {
        return appendingPerSecond(entryAndTotal, "entry-and-total", concurrency, seconds);
    }

    private double appendingPerSecond(Path script, String way, int concurrency, int seconds)
            throws IOException, InterruptedException, SQLException {
        long before = ledgerEntries();
        double perSecond = Pgbench.transactionsPerSecond(DATABASE, script, concurrency, seconds);
        // a funds check lets the statement write nothing: the rate counts only if the entries are there
        long appended = ledgerEntries() - before;
        if (appended < perSecond * seconds * 0.95) {
            throw new IllegalStateException("the " + way + " disbursement ran " + Math.round(perSecond * seconds)
                    + " times but appended " + appended + " ledger entries");
        }
        return perSecond;
    }

    /** Drops the scratch database and deletes the pgbench scripts, so repeated runs leave nothing in /tmp. */
    @Override
    public void close() throws SQLException {
        for (Path script : List.of(statementByStatement, oneStatement, entryAndTotal)) {
            script.toFile().delete();
        }
        onServer("drop database if exists " + DATABASE + " with (force)");
    }

    /** A statement on the server's maintenance database (creating or dropping the scratch one). */
    private static void onServer(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The working directory or the nearest one above it that holds the services (bench/run starts at the top, tests in bench/). */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("service-common")) && Files.isDirectory(dir.resolve("budget-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from the repository: no service-common and budget-service above " + Path.of("").toAbsolutePath());
    }

    /** Lines whose spent total is not the sum of their entries: none, if every script moves a total only with its entry. */
    long linesOutOfBalance() throws SQLException {
        return count("""
                select count(*) from funding_line f where f.spent <> (select coalesce(sum(e.amount), 0)
                  from ledger_entry e where e.funding_line_id = f.id)""");
    }

    private static long ledgerEntries() throws SQLException {
        return count("select count(*) from ledger_entry");
    }

    private static long count(String query) throws SQLException {
        try (Connection c = scratchDatabase(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection scratchDatabase() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
    }
}
