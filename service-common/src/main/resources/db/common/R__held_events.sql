-- Events a consumer holds instead of applying (service-common's inbox): parked until their subject is known,
-- or dead-lettered because they cannot be read or applied (also sent to <topic>.dlq). An admin lists and
-- replays them (/api/admin/events/held). Repeatable (R__) rather than versioned: db/common's versions sort
-- before each service's own, so a new versioned file here would be out of order on a database already
-- migrated; "if not exists" makes running it again harmless.
create table if not exists held_event (
    id             uuid primary key,
    status         varchar(16)   not null check (status in ('PARKED', 'DEAD_LETTERED')),
    topic          varchar(200)  not null,
    partition_no   integer       not null,
    record_offset  bigint        not null,
    record_key     varchar(1000),
    headers        text          not null,
    payload        text,
    event_id       uuid,
    event_type     varchar(200),
    subject        varchar(200),
    reason         varchar(2000) not null,
    attempts       integer       not null default 1,
    held_at        timestamptz   not null,
    unique (topic, partition_no, record_offset)
);
create index if not exists held_event_parked_subject on held_event (subject) where status = 'PARKED';
