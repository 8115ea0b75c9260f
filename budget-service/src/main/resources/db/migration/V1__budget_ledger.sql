-- budget-service: departments, projects, their funding lines, and the append-only money ledger.
-- Amounts are yuan, NUMERIC(18,2): exact, never floating point.

create table department (
    code          varchar(32)  primary key,
    name          varchar(200) not null,
    registered_at timestamptz  not null,
    registered_by varchar(200) not null
);

create table project (
    id                uuid primary key,
    department_code   varchar(32)  not null references department (code),
    fiscal_year       integer      not null check (fiscal_year between 2000 and 2100),
    name              varchar(300) not null,
    category          varchar(32)  not null check (category in
                          ('OPENING_BUDGET', 'NON_TAX_REVENUE', 'MID_YEAR_ADJUSTMENT', 'HIGHER_LEVEL_SPECIAL', 'CARRY_OVER')),
    fund_source       varchar(300),
    legal_basis       varchar(2000),
    paid_on_behalf    boolean      not null default false,
    parent_project_id uuid references project (id),
    registered_at     timestamptz  not null,
    registered_by     varchar(200) not null,
    unique (department_code, fiscal_year, name)
);
create index project_department_year on project (department_code, fiscal_year, category);

-- A project's budget is the sum of its funding lines (资金来源明细). The three running totals are a
-- cache of the ledger, updated in the same transaction as each entry while the project row is locked;
-- a test checks that they always equal the sums of the entries.
create table funding_line (
    id                     uuid primary key,
    project_id             uuid          not null references project (id),
    name                   varchar(300)  not null,
    approved_amount        numeric(18,2) not null check (approved_amount >= 0),
    carried_over_from_year integer,
    budget                 numeric(18,2) not null check (budget >= 0),
    arrived                numeric(18,2) not null default 0 check (arrived >= 0 and arrived <= budget),
    spent                  numeric(18,2) not null default 0 check (spent >= 0 and spent <= arrived),
    created_at             timestamptz   not null,
    unique (project_id, name)
);
create index funding_line_project on funding_line (project_id);

create table budget_adjustment (
    id              uuid primary key,
    project_id      uuid          not null references project (id),
    funding_line_id uuid          not null references funding_line (id),
    amount          numeric(18,2) not null check (amount <> 0),
    reason          varchar(1000) not null,
    document_ref    varchar(300),
    adjusted_on     date          not null,
    recorded_at     timestamptz   not null,
    recorded_by     varchar(200)  not null
);
create index budget_adjustment_project on budget_adjustment (project_id, recorded_at);

create table ledger_entry (
    id                uuid primary key,
    project_id        uuid          not null references project (id),
    funding_line_id   uuid          not null references funding_line (id),
    kind              varchar(32)   not null check (kind in
                          ('ARRIVAL', 'DISBURSEMENT', 'ARRIVAL_REVERSAL', 'DISBURSEMENT_REVERSAL')),
    amount            numeric(18,2) not null check (amount > 0),
    business_date     date          not null,
    counterparty      varchar(300),
    purpose           varchar(1000),
    reference         varchar(200),
    reverses_entry_id uuid unique references ledger_entry (id),
    recorded_at       timestamptz   not null,
    recorded_by       varchar(200)  not null,
    check ((kind in ('ARRIVAL_REVERSAL', 'DISBURSEMENT_REVERSAL')) = (reverses_entry_id is not null))
);
create index ledger_entry_project on ledger_entry (project_id, recorded_at);

-- The figures the portal declares for a department-year, kept as declared (each declaration a new row).
create table declared_figures (
    id                   uuid primary key,
    department_code      varchar(32)   not null references department (code),
    fiscal_year          integer       not null,
    approved_total       numeric(18,2) not null check (approved_total >= 0),
    funds_allocated      numeric(18,2) not null check (funds_allocated >= 0),
    opening_budget_count integer       not null default 0,
    non_tax_revenue_count integer      not null default 0,
    mid_year_adjustment_count integer  not null default 0,
    higher_level_special_count integer not null default 0,
    carry_over_count     integer       not null default 0,
    project_count        integer       not null,
    recorded_at          timestamptz   not null,
    recorded_by          varchar(200)  not null
);
create index declared_figures_department_year on declared_figures (department_code, fiscal_year, recorded_at desc);

-- Money is append-only: a mistake is corrected by a reversal, never by update or delete.
create function refuse_change_to_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: record a reversal instead', tg_table_name
        using errcode = 'restrict_violation';
end $$;

create trigger ledger_entry_is_append_only before update or delete on ledger_entry
    for each row execute function refuse_change_to_append_only();
create trigger budget_adjustment_is_append_only before update or delete on budget_adjustment
    for each row execute function refuse_change_to_append_only();
create trigger declared_figures_is_append_only before update or delete on declared_figures
    for each row execute function refuse_change_to_append_only();
