-- The ledger figures a score was computed on (indicator-service's view of the ledger, carried by
-- DepartmentYearScored): the report checks them against its own view, and a score computed on a view that
-- was behind cannot be submitted. Null for a score event that does not carry them.
alter table rm_score add column budget numeric(18,2);
alter table rm_score add column spent numeric(18,2);
