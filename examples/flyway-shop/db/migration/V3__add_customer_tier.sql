-- Safe: a NOT NULL column with a constant default. PostgreSQL 11+ adds it without rewriting the table,
-- and the running application's inserts get the default.
SET lock_timeout = '5s';
ALTER TABLE customers ADD COLUMN tier text NOT NULL DEFAULT 'basic';
