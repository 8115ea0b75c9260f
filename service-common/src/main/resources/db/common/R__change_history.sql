-- Who changed what, when, from what to what (DESIGN §9), for every object a person edits; append-only.
-- Repeatable (R__) rather than versioned, as db/common's other late tables: "if not exists" makes running it
-- again harmless, and "or replace" keeps the trigger function current.
create table if not exists change_history (
    id                    uuid primary key,
    object_type           varchar(64)  not null,
    object_id             varchar(200) not null,
    change                varchar(64)  not null,
    before_value          text,
    after_value           text,
    changed_at            timestamptz  not null,
    changed_by            varchar(200) not null,
    changed_by_department varchar(32)
);
create index if not exists change_history_object on change_history (object_type, object_id, changed_at);

create or replace function refuse_change_to_history() returns trigger language plpgsql as $$
begin
    raise exception 'change_history is append-only' using errcode = 'restrict_violation';
end $$;
drop trigger if exists change_history_is_append_only on change_history;
create trigger change_history_is_append_only before update or delete on change_history
    for each row execute function refuse_change_to_history();
