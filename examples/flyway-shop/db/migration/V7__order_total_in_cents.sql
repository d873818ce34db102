-- HAZARD (column-type-change): numeric to integer rewrites the table under an exclusive lock, and the
-- running application still writes amounts with decimals.
SET lock_timeout = '5s';
ALTER TABLE orders ALTER COLUMN total TYPE integer USING (total * 100)::integer;
