-- A voucher number (凭证号) is used once per department-year (DESIGN §9): the disbursement that holds it is
-- named when another tries to. A reversed disbursement gives its number back (its correction may use it).
-- Not the ledger: a row here is removed when its disbursement is reversed.
create table voucher_number (
    department_code varchar(32)  not null,
    fiscal_year     integer      not null,
    voucher_number  varchar(200) not null,
    entry_id        uuid         not null references ledger_entry (id),
    primary key (department_code, fiscal_year, voucher_number)
);

-- The disbursements recorded before: each number's first holder that has not been reversed.
insert into voucher_number (department_code, fiscal_year, voucher_number, entry_id)
select distinct on (p.department_code, p.fiscal_year, e.reference) p.department_code, p.fiscal_year, e.reference, e.id
  from ledger_entry e join project p on p.id = e.project_id
 where e.kind = 'DISBURSEMENT' and e.reference is not null
   and not exists (select 1 from ledger_entry r where r.reverses_entry_id = e.id)
 order by p.department_code, p.fiscal_year, e.reference, e.position;
