-- report-service: its own read model of budget.events and indicator.events (rebuildable by replaying
-- the topics), the department's narrative sections, and the report workflow with its frozen versions.

-- ---- read model (dropped and rebuilt by a replay) ----
create table rm_department (
    code varchar(32) primary key,
    name varchar(200) not null
);

create table rm_project (
    id                uuid primary key,
    department_code   varchar(32)   not null,
    fiscal_year       integer       not null,
    name              varchar(300)  not null,
    category          varchar(32)   not null,
    fund_source       varchar(300),
    legal_basis       varchar(2000),
    paid_on_behalf    boolean       not null,
    parent_project_id uuid,
    budget            numeric(18,2) not null,
    arrived           numeric(18,2) not null,
    spent             numeric(18,2) not null,
    registered_at     timestamptz   not null
);
create index rm_project_department_year on rm_project (department_code, fiscal_year);

create table rm_funding_line (
    id                     uuid primary key,
    project_id             uuid          not null,
    name                   varchar(300)  not null,
    carried_over_from_year integer,
    budget                 numeric(18,2) not null,
    arrived                numeric(18,2) not null,
    spent                  numeric(18,2) not null
);
create index rm_funding_line_project on rm_funding_line (project_id);

create table rm_declared_figures (
    department_code varchar(32)   not null,
    fiscal_year     integer       not null,
    approved_total  numeric(18,2) not null,
    funds_allocated numeric(18,2) not null,
    project_counts  text          not null,
    project_count   integer       not null,
    primary key (department_code, fiscal_year)
);

create table rm_goal (
    id              uuid primary key,
    department_code varchar(32)   not null,
    fiscal_year     integer       not null,
    project_id      uuid,
    text            varchar(4000) not null,
    position        integer       not null
);
create index rm_goal_department_year on rm_goal (department_code, fiscal_year);

create table rm_indicator (
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
    weight            numeric(8,2)  not null,
    not_applicable    boolean       not null,
    actual_source     varchar(32)   not null,
    ledger_measure    varchar(32),
    funding_line_id   uuid,
    actual            numeric(24,8),
    actual_text       varchar(1000),
    numerator         numeric(24,8),
    denominator       numeric(24,8),
    qualitative_tier  varchar(32),
    qualitative_score numeric(8,2),
    deviation_reason  varchar(4000),
    remedy            varchar(4000),
    defined_at        timestamptz   not null
);
create index rm_indicator_department_year on rm_indicator (department_code, fiscal_year);

create table rm_score (
    department_code        varchar(32)  not null,
    fiscal_year            integer      not null,
    score_id               uuid         not null,
    policy                 varchar(100) not null,
    total                  numeric(12,2) not null,
    grade                  varchar(8)   not null,
    execution_rate         numeric(12,2),
    groups                 text         not null,
    indicators             text         not null,
    required_explanations  text         not null,
    primary key (department_code, fiscal_year)
);

-- ---- what the department writes, and the workflow (never touched by a rebuild) ----
create table narrative_section (
    department_code varchar(32)   not null,
    fiscal_year     integer       not null,
    section_key     varchar(64)   not null,
    text            text          not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(200)  not null,
    primary key (department_code, fiscal_year, section_key)
);

create table report (
    department_code varchar(32)  not null,
    fiscal_year     integer      not null,
    status          varchar(16)  not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'PUBLISHED')),
    latest_version  integer      not null default 0,
    updated_at      timestamptz  not null,
    primary key (department_code, fiscal_year)
);

-- Every submission freezes the report and its files; a version never changes afterwards.
create table report_version (
    department_code varchar(32)  not null,
    fiscal_year     integer      not null,
    number          integer      not null,
    submitted_at    timestamptz  not null,
    submitted_by    varchar(200) not null,
    report_json     text         not null,
    report_html     text         not null,
    report_docx     bytea        not null,
    report_xlsx     bytea        not null,
    primary key (department_code, fiscal_year, number)
);

create table report_transition (
    id              uuid primary key,
    department_code varchar(32)   not null,
    fiscal_year     integer       not null,
    from_status     varchar(16),
    to_status       varchar(16)   not null,
    version         integer,
    comment         varchar(4000),
    actor_subject   varchar(200)  not null,
    actor_department varchar(32),
    at              timestamptz   not null
);
create index report_transition_report on report_transition (department_code, fiscal_year, at);

create function refuse_change_to_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name using errcode = 'restrict_violation';
end $$;
create trigger report_version_is_immutable before update or delete on report_version
    for each row execute function refuse_change_to_append_only();
create trigger report_transition_is_append_only before update or delete on report_transition
    for each row execute function refuse_change_to_append_only();
