-- Safe: the expand step of expand/contract. Add the new column (nullable), let the application write
-- both columns and backfill in batches; drop the old column in a later release.
SET lock_timeout = '5s';
ALTER TABLE customers ADD COLUMN display_name text;
