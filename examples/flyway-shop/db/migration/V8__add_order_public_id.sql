-- HAZARD (table-rewrite): a volatile default (a new value per row) rewrites the whole table under an
-- ACCESS EXCLUSIVE lock. Safe: add the column without a default, then set the default and backfill.
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();
