-- A project's ledger is read in pages, each continuing after the last entry of the one before. Pages
-- followed recorded_at, a service replica's clock: with two to four replicas whose clocks differ, an
-- entry committed after another could carry an earlier time, and a reader that had already paged past
-- the other never saw it. The position comes from one database sequence, drawn while the entry's
-- project is locked (every write path locks it first), so a project's positions follow the order its
-- entries were committed in.
alter table ledger_entry add column position bigint;

-- Entries already written keep the order their pages showed. The append-only trigger is set aside for
-- this one backfill of a new column; no amount, line or party changes.
alter table ledger_entry disable trigger ledger_entry_is_append_only;
update ledger_entry e set position = o.n
  from (select id, row_number() over (order by recorded_at, id) as n from ledger_entry) o
 where o.id = e.id;
alter table ledger_entry enable trigger ledger_entry_is_append_only;

alter table ledger_entry alter column position set not null;
alter table ledger_entry alter column position add generated always as identity;
select setval(pg_get_serial_sequence('ledger_entry', 'position'), coalesce(max(position), 0) + 1, false) from ledger_entry;

drop index ledger_entry_project;
create index ledger_entry_project on ledger_entry (project_id, position);
