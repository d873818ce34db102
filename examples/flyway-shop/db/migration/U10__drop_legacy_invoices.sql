CREATE TABLE legacy_invoices (
    id     bigint PRIMARY KEY,
    amount numeric(10, 2)
);
