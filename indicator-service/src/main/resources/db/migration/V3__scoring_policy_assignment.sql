-- Which scoring policy (template) a department-year is scored under, as a finance reviewer assigned it
-- (DESIGN §9: the department being evaluated does not choose its own). Append-only: the latest assignment
-- holds, the earlier ones are its history.
create table scoring_policy_assignment (
    id              uuid primary key,
    department_code varchar(32)   not null,
    fiscal_year     integer       not null,
    policy_name     varchar(100)  not null references scoring_policy (name),
    reason          varchar(1000),
    assigned_at     timestamptz   not null,
    assigned_by     varchar(200)  not null
);
create index scoring_policy_assignment_department_year
    on scoring_policy_assignment (department_code, fiscal_year, assigned_at desc);

create trigger scoring_policy_assignment_is_append_only before update or delete on scoring_policy_assignment
    for each row execute function refuse_change_to_append_only();
