-- indicator-service: goals, the three-level indicator tree, output records, scoring, and its own
-- read model of the ledger (fed by budget.events; never read from budget-service's tables).

create table goal (
    id              uuid primary key,
    department_code varchar(32)   not null,
    fiscal_year     integer       not null,
    project_id      uuid,
    text            varchar(4000) not null,
    position        integer       not null,
    defined_at      timestamptz   not null,
    defined_by      varchar(200)  not null
);
create index goal_department_year on goal (department_code, fiscal_year, project_id, position);

create table indicator (
    id                uuid primary key,
    department_code   varchar(32)   not null,
    fiscal_year       integer       not null,
    project_id        uuid,
    level1            varchar(32)   not null,
    level2            varchar(32)   not null,
    name              varchar(500)  not null,
    direction         varchar(16)   not null,
    target            numeric(24,8),
    target_text       varchar(500),
    unit              varchar(32),
    weight            numeric(8,2)  not null check (weight >= 0 and weight <= 100),
    not_applicable    boolean       not null default false,
    actual_source     varchar(32)   not null,
    ledger_measure    varchar(32),
    funding_line_id   uuid,
    -- the current actual value (实际完成值) and how it was reached
    actual            numeric(24,8),
    actual_text       varchar(1000),
    numerator         numeric(24,8),
    denominator       numeric(24,8),
    qualitative_tier  varchar(32),
    qualitative_score numeric(8,2),
    deviation_reason  varchar(4000),
    remedy            varchar(4000),
    defined_at        timestamptz   not null,
    defined_by        varchar(200)  not null,
    updated_at        timestamptz   not null
);
create index indicator_department_year on indicator (department_code, fiscal_year, project_id);

-- Dated quantities (or numerator/denominator pairs) that add up to an indicator's actual value.
-- Append-only: a correction is a new record (signed), which may name the record it corrects.
create table output_record (
    id                 uuid primary key,
    indicator_id       uuid          not null references indicator (id),
    recorded_on        date          not null,
    quantity           numeric(24,8),
    numerator          numeric(24,8),
    denominator        numeric(24,8),
    note               varchar(1000),
    corrects_record_id uuid references output_record (id),
    recorded_at        timestamptz   not null,
    recorded_by        varchar(200)  not null,
    check ((quantity is null) <> (numerator is null and denominator is null)),
    check ((numerator is null) = (denominator is null))
);
create index output_record_indicator on output_record (indicator_id, recorded_on);

create function refuse_change_to_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: record a correction instead', tg_table_name
        using errcode = 'restrict_violation';
end $$;
create trigger output_record_is_append_only before update or delete on output_record
    for each row execute function refuse_change_to_append_only();

-- The ledger as budget.events tell it: each project's and funding line's totals after its latest event.
create table project_ledger (
    project_id      uuid primary key,
    department_code varchar(32)   not null,
    fiscal_year     integer       not null,
    name            varchar(300)  not null,
    category        varchar(32)   not null,
    budget          numeric(18,2) not null,
    arrived         numeric(18,2) not null,
    spent           numeric(18,2) not null,
    updated_at      timestamptz   not null
);
create index project_ledger_department_year on project_ledger (department_code, fiscal_year);

create table funding_line_ledger (
    funding_line_id uuid primary key,
    project_id      uuid          not null references project_ledger (project_id),
    name            varchar(300)  not null,
    budget          numeric(18,2) not null,
    arrived         numeric(18,2) not null,
    spent           numeric(18,2) not null
);

-- Scoring policies as data (DESIGN §6), and every score computed, with the policy it used.
create table scoring_policy (
    name        varchar(100) primary key,
    definition  text         not null,
    created_at  timestamptz  not null,
    created_by  varchar(200) not null
);

create table score_result (
    id              uuid primary key,
    department_code varchar(32)  not null,
    fiscal_year     integer      not null,
    policy_name     varchar(100) not null references scoring_policy (name),
    total           numeric(12,6) not null,
    grade           varchar(8)   not null,
    detail          text         not null,
    computed_at     timestamptz  not null,
    computed_by     varchar(200) not null
);
create index score_result_department_year on score_result (department_code, fiscal_year, computed_at desc);
