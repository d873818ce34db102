-- HAZARD (rename-column): the application version still running reads and writes customers.name.
ALTER TABLE customers RENAME COLUMN name TO full_name;
