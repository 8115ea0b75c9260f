-- A rebuild of the read model empties its tables whole and then brings their statistics up to date. The
-- service's runtime role may neither truncate nor analyze (both are the owner's), so the two steps are
-- functions that run as the owner, and this is the one list of what a rebuild empties: the read model and
-- the inbox that says what it holds. Repeatable: it runs again whenever the list changes.
create or replace function empty_read_model() returns void
    language sql security definer set search_path = public as $$
    truncate rm_department, rm_project, rm_funding_line, rm_declared_figures, rm_goal, rm_indicator, rm_score,
             processed_event;
$$;

create or replace function analyze_read_model() returns void
    language sql security definer set search_path = public as $$
    analyze rm_department, rm_project, rm_funding_line, rm_declared_figures, rm_goal, rm_indicator, rm_score,
            processed_event;
$$;

revoke all on function empty_read_model(), analyze_read_model() from public;

do $$
begin
    if '${runtime_role}' <> current_user then
        execute format('grant execute on function empty_read_model(), analyze_read_model() to %I', '${runtime_role}');
    end if;
end $$;
