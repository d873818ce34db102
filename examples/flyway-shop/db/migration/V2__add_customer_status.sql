-- HAZARD (not-null-without-default): the running application inserts customers without a status,
-- and existing rows have none: the statement fails on a non-empty table, or every insert fails after it.
SET lock_timeout = '5s';
ALTER TABLE customers ADD COLUMN status text NOT NULL;
