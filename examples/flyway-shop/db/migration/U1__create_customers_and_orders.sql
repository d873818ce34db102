DROP TABLE legacy_invoices;
DROP TABLE orders;
DROP TABLE customers;
