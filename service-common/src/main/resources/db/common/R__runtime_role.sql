-- The service runs as a role of its own (quarkus.datasource.username, the placeholder runtime_role), not as
-- the owner that runs these migrations (quarkus.flyway.username): it may read and write its tables, but not
-- change the history the append-only tables keep (no UPDATE, DELETE or TRUNCATE on them, whatever a bug or an
-- intruder in the service sends), nor alter or drop anything. Repeatable (R__): it runs after the versioned
-- migrations, and the default privileges give tables added later the same grants. Where the service runs as
-- the owner itself (a developer's machine), there is nothing to grant.
do $$
declare
    runtime_role text := '${runtime_role}';
    t text;
begin
    if runtime_role = current_user then
        return;
    end if;
    execute format('grant usage on schema public to %I', runtime_role);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', runtime_role);
    execute format('grant usage, select on all sequences in schema public to %I', runtime_role);
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I',
                   runtime_role);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', runtime_role);
    execute format('revoke all on flyway_schema_history from %I', runtime_role);
    foreach t in array string_to_array('${append_only_tables},change_history', ',') loop
        execute format('revoke update, delete, truncate on %I from %I', trim(t), runtime_role);
    end loop;
end $$;
