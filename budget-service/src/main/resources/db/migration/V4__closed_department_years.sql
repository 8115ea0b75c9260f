-- Department-years whose report a finance reviewer accepted: closed to money writes until a reviewer reopens
-- them (DESIGN §9). Kept from report.events (DepartmentYearClosed / DepartmentYearReopened); not the ledger.
create table closed_department_year (
    department_code varchar(32) not null,
    fiscal_year     integer     not null,
    report_version  integer     not null,
    closed_at       timestamptz not null,
    closed_by       varchar(200) not null,
    primary key (department_code, fiscal_year)
);
