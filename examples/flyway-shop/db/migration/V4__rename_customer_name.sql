-- HAZARD (rename-column): the application version still running reads and writes customers.name.
SET lock_timeout = '5s';
ALTER TABLE customers RENAME COLUMN name TO full_name;
