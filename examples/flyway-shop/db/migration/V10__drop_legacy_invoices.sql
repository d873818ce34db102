-- HAZARD (drop-table): make sure no running version reads legacy_invoices (and keep a backup) first.
DROP TABLE legacy_invoices;
