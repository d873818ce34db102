-- HAZARD (drop-table): make sure no running version reads legacy_invoices (and keep a backup) first.
-- HAZARD (missing-lock-timeout): with no lock_timeout, DROP TABLE queues for its ACCESS EXCLUSIVE lock
-- behind any long transaction, and every query on the table queues behind it. The other migrations here
-- start with SET lock_timeout.
DROP TABLE legacy_invoices;
