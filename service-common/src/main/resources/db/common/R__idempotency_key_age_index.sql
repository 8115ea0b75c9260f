-- The Idempotency-Key purge finds keys past their retention by age. Repeatable (R__) rather than
-- versioned: db/common's versions sort before each service's own, so a new versioned file here would be
-- out of order on a database already migrated. "if not exists" makes running it again harmless.
create index if not exists idempotency_record_created_at on idempotency_record (created_at);
