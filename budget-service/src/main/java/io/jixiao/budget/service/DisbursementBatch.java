package io.jixiao.budget.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.jixiao.budget.FundingLine;
import io.jixiao.budget.LedgerEntry;
import io.jixiao.budget.LedgerEntryKind;
import io.jixiao.budget.Project;
import io.jixiao.budget.mapping.DisbursementRequest;
import io.jixiao.budget.mapping.LedgerEntryView;
import io.jixiao.budget.messaging.BudgetEvents;
import io.jixiao.common.idempotency.IdempotencyBatch;
import io.jixiao.common.idempotency.IdempotentWrites;
import io.jixiao.common.jdbc.SqlArrays;
import io.jixiao.common.json.Names;
import io.jixiao.common.time.BusinessCalendar;
import io.jixiao.common.money.Funds;
import io.jixiao.common.outbox.OutboxBatch;
import io.jixiao.common.outbox.OutboxEvent;
import io.jixiao.common.outbox.OutboxWriter;
import io.jixiao.common.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One group of disbursements in one transaction, in two round trips to PostgreSQL and a commit:
 * <ol>
 * <li>claim the Idempotency-Keys, lock the projects their callers may see (in id order, so two writers never
 * deadlock; waiting at most {@link #LOCK_TIMEOUT}), then read their funding lines. The lines are read by a statement of their own, after the locks are held,
 * so that they show every write committed before them;</li>
 * <li>in Java, each disbursement in turn against the lines as the earlier ones in the group left them:
 * the funds rule (no more than the line's available funds), the entry, its event and its outcome;</li>
 * <li>append the entries and the outbox events, move the lines' spent totals, store the keyed responses
 * and drop the claims of refused requests (a refused write stores nothing), then commit.</li>
 * </ol>
 * Plain JDBC with array parameters, not Hibernate: each step is one statement whatever the group's size. The funds
 * rules are {@link FundsRules}, as for every other money write; the outbox and idempotency statements are
 * service-common's ({@link OutboxBatch}, {@link IdempotencyBatch}).
 */
@ApplicationScoped
public class DisbursementBatch {

    // plan_cache_mode: each statement of the group is planned for its own arrays and the tables as they are now.
    // PostgreSQL otherwise keeps one generic plan per prepared statement for the connection's life, and one chosen
    // while idempotency_record was small reads the whole table on every group once it has grown.
    private static final String LOCK_AND_READ = "select set_config('lock_timeout', ?, true),"
            + " set_config('plan_cache_mode', 'force_custom_plan', true);\n"
            + IdempotencyBatch.CLAIM + ";\n" + IdempotencyBatch.STORED + ";\n" + """
            select p.id, p.department_code, p.fiscal_year, p.name
              from project p join unnest(?::uuid[], ?::text[]) as r(id, department) on p.id = r.id
              where r.department is null or p.department_code = r.department
              order by p.id for update of p;
            select id, project_id, name, budget, arrived, spent, carried_over_from_year from funding_line
              where project_id = any(?::uuid[]) order by project_id, created_at, name;
            select v.department_code, v.fiscal_year, v.voucher_number, v.entry_id
              from voucher_number v join project p on v.department_code = p.department_code and v.fiscal_year = p.fiscal_year
              join unnest(?::uuid[], ?::text[]) as r(project_id, voucher) on p.id = r.project_id and v.voucher_number = r.voucher;
            select c.department_code, c.fiscal_year, c.report_version from closed_department_year c
              where (c.department_code, c.fiscal_year) in (select department_code, fiscal_year from project where id = any(?::uuid[]))""";

    private static final String APPEND = """
            insert into ledger_entry (id, project_id, funding_line_id, kind, amount, business_date, counterparty,
                purpose, reference, recorded_at, recorded_by)
              select e.id::uuid, e.project_id::uuid, e.line_id::uuid, 'DISBURSEMENT', e.amount::numeric,
                  e.business_date::date, e.payee, e.purpose, e.reference, e.recorded_at::timestamptz, e.recorded_by
              from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                  ?::text[], ?::text[])
                as e(id, project_id, line_id, amount, business_date, payee, purpose, reference, recorded_at, recorded_by);
            insert into voucher_number (department_code, fiscal_year, voucher_number, entry_id)
              select v.department_code, v.fiscal_year::integer, v.voucher, v.entry_id::uuid
              from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as v(department_code, fiscal_year, voucher, entry_id);
            update funding_line f set spent = f.spent + l.amount::numeric
              from unnest(?::text[], ?::text[]) as l(id, amount) where f.id = l.id::uuid;
            """ + OutboxBatch.INSERT + ";\n" + IdempotencyBatch.STORE_ANSWERS + ";\n" + IdempotencyBatch.RELEASE;

    /**
     * How long a group waits for a project another transaction holds (an arrival's, a reversal's: those
     * take milliseconds). Past it the group fails and each of its disbursements is tried alone, so one
     * stuck project cannot hold up every department's disbursements.
     */
    private static final String LOCK_TIMEOUT = "2s";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BudgetEvents budgetEvents;

    @Inject
    OutboxWriter outbox;

    @Inject
    IdempotentWrites idempotent;

    @Inject
    BusinessCalendar calendar;

    private final Counter written;

    @Inject
    DisbursementBatch(MeterRegistry registry) {
        written = registry.counter("jixiao.ledger.writes", "kind", LedgerEntryKind.DISBURSEMENT.name());
    }

    /**
     * Writes the group and completes each request's response once committed. Returns the requests that
     * must run again in a later group: a second request with a key already claimed in this group.
     */
    List<PendingDisbursement> write(List<PendingDisbursement> group) throws SQLException {
        Group g = new Group(group);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                lockAndRead(connection, g);
                g.decide();
                append(connection, g);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                // the commit may have reached the disk before the connection failed: never write the group again
                throw new CommitOutcomeUnknown(e);
            }
            connection.setAutoCommit(true);
        }
        outbox.committed();
        written.increment(g.entries.size());
        g.outcomes.forEach((d, outcome) -> outcome.completeIn(d));
        return g.again;
    }

    private void lockAndRead(Connection c, Group g) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(LOCK_AND_READ)) {
            int p = 1;
            st.setString(p++, LOCK_TIMEOUT);
            p = IdempotencyBatch.bindClaims(st, p, g.claims.stream().map(PendingDisbursement::claim).toList());
            p = IdempotencyBatch.bindKeys(st, p, g.keyed.stream().map(PendingDisbursement::claim).toList());
            // each request's project, with the one department its caller reaches (null: all of them): a project the
            // caller may not see is neither locked nor read
            st.setArray(p++, c.createArrayOf("uuid", g.requests.stream().map(PendingDisbursement::projectId).toArray()));
            st.setArray(p++, SqlArrays.text(c, g.requests, d -> d.reach().allDepartments() ? null : d.reach().department()));
            st.setArray(p++, c.createArrayOf("uuid", g.projectIds().toArray()));
            st.setArray(p++, c.createArrayOf("uuid", g.requests.stream().map(PendingDisbursement::projectId).toArray()));
            st.setArray(p++, SqlArrays.text(c, g.requests, d -> voucher(d.request())));
            st.setArray(p++, c.createArrayOf("uuid", g.projectIds().toArray()));
            st.execute();
            st.getMoreResults(); // past the lock timeout's
            try (ResultSet rs = st.getResultSet()) {
                g.claimed.addAll(IdempotencyBatch.claimed(rs));
            }
            st.getMoreResults();
            try (ResultSet rs = st.getResultSet()) {
                g.stored.putAll(IdempotencyBatch.stored(rs));
            }
            st.getMoreResults();
            try (ResultSet rs = st.getResultSet()) {
                while (rs.next()) {
                    if (g.projects.containsKey(rs.getObject(1, UUID.class))) {
                        continue; // two requests of the same project
                    }
                    Project project = new Project();
                    project.id = rs.getObject(1, UUID.class);
                    project.departmentCode = rs.getString(2);
                    project.fiscalYear = rs.getInt(3);
                    project.name = rs.getString(4);
                    g.projects.put(project.id, project);
                    g.lines.put(project.id, new ArrayList<>());
                }
            }
            st.getMoreResults();
            try (ResultSet rs = st.getResultSet()) {
                while (rs.next()) {
                    FundingLine line = new FundingLine();
                    line.id = rs.getObject(1, UUID.class);
                    line.projectId = rs.getObject(2, UUID.class);
                    line.name = rs.getString(3);
                    line.funds = new Funds(rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6));
                    line.carriedOverFromYear = rs.getObject(7, Integer.class);
                    List<FundingLine> lines = g.lines.get(line.projectId);
                    if (lines != null) { // a project its caller may see
                        lines.add(line);
                    }
                }
            }
            st.getMoreResults();
            try (ResultSet rs = st.getResultSet()) {
                while (rs.next()) {
                    g.vouchers.put(voucherKey(rs.getString(1), rs.getInt(2), rs.getString(3)), rs.getObject(4, UUID.class));
                }
            }
            st.getMoreResults();
            try (ResultSet rs = st.getResultSet()) {
                while (rs.next()) {
                    g.closedYears.put(rs.getString(1) + "\n" + rs.getInt(2), rs.getInt(3));
                }
            }
        }
    }

    private void append(Connection c, Group g) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(APPEND)) {
            int p = 1;
            List<LedgerEntry> entries = g.entries;
            st.setArray(p++, SqlArrays.text(c, entries, e -> e.id));
            st.setArray(p++, SqlArrays.text(c, entries, e -> e.projectId));
            st.setArray(p++, SqlArrays.text(c, entries, e -> e.fundingLineId));
            st.setArray(p++, SqlArrays.text(c, entries, e -> e.amount.toPlainString()));
            st.setArray(p++, SqlArrays.text(c, entries, e -> e.businessDate));
            st.setArray(p++, SqlArrays.text(c, entries, e -> e.counterparty));
            st.setArray(p++, SqlArrays.text(c, entries, e -> e.purpose));
            st.setArray(p++, SqlArrays.text(c, entries, e -> e.reference));
            st.setArray(p++, SqlArrays.text(c, entries, e -> e.recordedAt));
            st.setArray(p++, SqlArrays.text(c, entries, e -> e.recordedBy));
            st.setArray(p++, SqlArrays.text(c, g.voucherRows, v -> v[0]));
            st.setArray(p++, SqlArrays.text(c, g.voucherRows, v -> v[1]));
            st.setArray(p++, SqlArrays.text(c, g.voucherRows, v -> v[2]));
            st.setArray(p++, SqlArrays.text(c, g.voucherRows, v -> v[3]));
            List<Map.Entry<UUID, BigDecimal>> spent = new ArrayList<>(g.spentPerLine.entrySet());
            st.setArray(p++, SqlArrays.text(c, spent, Map.Entry::getKey));
            st.setArray(p++, SqlArrays.text(c, spent, e -> e.getValue().toPlainString()));
            p = OutboxBatch.bind(st, p, g.events);
            p = IdempotencyBatch.bindAnswers(st, p, g.answers);
            IdempotencyBatch.bindKeys(st, p, g.released.stream().map(PendingDisbursement::claim).toList());
            st.execute();
        }
    }

    /** The disbursement's voucher number as it is compared and kept (NFKC, trimmed); null when it gives none. */
    private static String voucher(DisbursementRequest request) {
        String voucher = Names.normalised(request.voucherNumber());
        return voucher == null || voucher.isEmpty() ? null : voucher;
    }

    private static String voucherKey(String departmentCode, int fiscalYear, String voucher) {
        return departmentCode + "\n" + fiscalYear + "\n" + voucher;
    }

    /**
     * The database failed while committing: the group may or may not be recorded. Trying it again could
     * record it twice, so its requests are answered with that uncertainty instead.
     */
    static final class CommitOutcomeUnknown extends RuntimeException {
        CommitOutcomeUnknown(SQLException cause) {
            super("the commit of a disbursement group failed: " + cause.getMessage(), cause);
        }
    }

    /** How one request ends: its outcome, or its refusal. */
    private record Answer(DisbursementOutcome outcome, RuntimeException refusal) {
        void completeIn(PendingDisbursement d) {
            if (refusal != null) {
                d.response().completeExceptionally(refusal);
            } else {
                d.response().complete(outcome);
            }
        }
    }

    /** One group's requests, what the database said about them, and what is to be written. */
    private final class Group {
        final List<PendingDisbursement> requests;
        /** keyed requests that claim their key in this group: the first of each key */
        final List<PendingDisbursement> claims = new ArrayList<>();
        /** every keyed request, to find keys used before */
        final List<PendingDisbursement> keyed = new ArrayList<>();
        final List<PendingDisbursement> again = new ArrayList<>();
        final Set<String> claimed = new HashSet<>();
        final Map<String, IdempotencyBatch.Stored> stored = new HashMap<>();
        final Map<UUID, Project> projects = new HashMap<>();
        final Map<UUID, List<FundingLine>> lines = new HashMap<>();
        final List<LedgerEntry> entries = new ArrayList<>();
        final List<OutboxEvent> events = new ArrayList<>();
        final Map<UUID, BigDecimal> spentPerLine = new LinkedHashMap<>();
        /** voucher numbers taken in the group's department-years, before it and by it: key → the entry holding it */
        final Map<String, UUID> vouchers = new HashMap<>();
        /** the group's new voucher numbers: department, year, number, entry */
        final List<String[]> voucherRows = new ArrayList<>();
        /** the group's department-years closed by an accepted report: "department\nyear" → the report's version */
        final Map<String, Integer> closedYears = new HashMap<>();
        final LocalDate today = calendar.today();
        final List<IdempotencyBatch.Answer> answers = new ArrayList<>();
        /** claims of refused requests, deleted so that their retry runs again */
        final List<PendingDisbursement> released = new ArrayList<>();
        final Map<PendingDisbursement, Answer> outcomes = new IdentityHashMap<>();

        Group(List<PendingDisbursement> requests) {
            this.requests = requests;
            Set<String> seen = new HashSet<>();
            for (PendingDisbursement d : requests) {
                if (!d.keyed()) {
                    continue;
                }
                keyed.add(d);
                if (seen.add(keyOf(d))) {
                    claims.add(d);
                }
            }
        }

        Set<UUID> projectIds() {
            Set<UUID> ids = new java.util.TreeSet<>();
            requests.forEach(d -> ids.add(d.projectId()));
            return ids;
        }

        /** Each request in turn, against the lines as the requests before it left them. */
        void decide() {
            for (PendingDisbursement d : requests) {
                if (d.keyed() && !claimedHere(d)) {
                    IdempotencyBatch.Stored before = stored.get(keyOf(d));
                    if (before == null) {
                        // the key's first use is earlier in this group: answer once that one is decided
                        again.add(d);
                    } else {
                        outcomes.put(d, replay(d, before));
                    }
                    continue;
                }
                try {
                    outcomes.put(d, new Answer(disburse(d), null));
                } catch (ProblemException refusal) {
                    outcomes.put(d, new Answer(null, refusal));
                    if (d.keyed()) {
                        released.add(d);
                    }
                }
            }
        }

        private Answer replay(PendingDisbursement d, IdempotencyBatch.Stored before) {
            try {
                IdempotentWrites.requireSameRequest(d.idempotencyKey(), d.fingerprint(), before.fingerprint());
            } catch (ProblemException refusal) {
                return new Answer(null, refusal);
            }
            return new Answer(new DisbursementOutcome.Replayed(before.status(), before.body(), before.location()), null);
        }

        private DisbursementOutcome disburse(PendingDisbursement d) {
            Project project = projects.get(d.projectId());
            if (project == null || !d.reach().canSee(project.departmentCode)) {
                throw ProblemException.notFound("project " + d.projectId());
            }
            List<FundingLine> projectLines = lines.get(project.id);
            DisbursementRequest request = d.request();
            Integer closedBy = closedYears.get(project.departmentCode + "\n" + project.fiscalYear);
            if (closedBy != null) {
                throw OpenYears.closed(project.departmentCode, project.fiscalYear, closedBy);
            }
            FundingLine line = FundsRules.line(project, projectLines, request.fundingLineId());
            MoneyDates.require("spentOn", request.spentOn(), project, line, today);
            String voucher = voucher(request);
            UUID holder = voucher == null ? null : vouchers.get(voucherKey(project.departmentCode, project.fiscalYear, voucher));
            if (holder != null) {
                throw ProblemException.ruleBroken("voucher-used", "Voucher number already used",
                        "voucher number '" + voucher + "' is already used in " + project.departmentCode + " "
                                + project.fiscalYear + ", by ledger entry " + holder + "; a number is used once a year",
                        Map.of("field", "voucherNumber", "voucherNumber", voucher, "entryId", holder));
            }
            BigDecimal amount = request.amount().setScale(2);
            FundsRules.spend(project, line, amount);
            spentPerLine.merge(line.id, amount, BigDecimal::add);

            LedgerEntry entry = LedgerEntry.of(project.id, line.id, LedgerEntryKind.DISBURSEMENT, amount,
                    request.spentOn(), request.payee(), request.purpose(), voucher, null, d.actor().subject());
            entries.add(entry);
            if (voucher != null) {
                vouchers.put(voucherKey(project.departmentCode, project.fiscalYear, voucher), entry.id);
                voucherRows.add(new String[] { project.departmentCode, Integer.toString(project.fiscalYear), voucher,
                        entry.id.toString() });
            }
            events.add(budgetEvents.ledgerEntryEvent(project, entry, line, projectLines, d.actor()));

            LedgerEntryView view = LedgerEntryView.of(entry);
            if (d.keyed()) {
                answers.add(new IdempotencyBatch.Answer(d.keyOwner(), d.idempotencyKey(), 201, idempotent.serialise(view),
                        LedgerEntryView.location(view).toString()));
            }
            return new DisbursementOutcome.Recorded(view);
        }

        /** Whether this request (not just its key) claimed its key in this group: a key's second use did not. */
        private boolean claimedHere(PendingDisbursement d) {
            return claimed.contains(keyOf(d)) && claims.stream().anyMatch(first -> first == d);
        }

        private String keyOf(PendingDisbursement d) {
            return d.claim().id();
        }
    }
}
