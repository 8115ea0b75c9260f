-- Tables every service has (service-common): idempotent POSTs and the transactional outbox.
-- Each service's Flyway reads db/common before its own db/migration.

-- Idempotency-Key: a retried POST gets the original response back.
create table idempotency_record (
    caller          varchar(200)  not null,
    idempotency_key varchar(200)  not null,
    request_hash    varchar(64)   not null,
    response_status integer,
    response_body   text,
    location        varchar(500),
    created_at      timestamptz   not null,
    primary key (caller, idempotency_key)
);

-- Transactional outbox: written in the ledger write's transaction, published by the relay.
create table outbox_event (
    position      bigserial primary key,
    event_id      uuid         not null unique,
    event_type    varchar(200) not null,
    subject       varchar(200) not null,
    partition_key varchar(200) not null,
    payload       text         not null,
    occurred_at   timestamptz  not null,
    published_at  timestamptz
);
create index outbox_event_unpublished on outbox_event (position) where published_at is null;
