-- Idempotent consumers (service-common): the id of every event applied, recorded in the same
-- transaction as its effect, so a redelivered event changes nothing.
create table processed_event (
    event_id     uuid primary key,
    event_type   varchar(200) not null,
    topic        varchar(200) not null,
    processed_at timestamptz  not null
);
