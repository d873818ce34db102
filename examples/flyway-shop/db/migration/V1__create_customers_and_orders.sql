-- Baseline: the tables this example's later migrations change.
CREATE TABLE customers (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email varchar(100) NOT NULL,
    name  text
);

CREATE TABLE orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    total       numeric(10, 2) NOT NULL,
    note        text
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);

CREATE TABLE legacy_invoices (
    id     bigint PRIMARY KEY,
    amount numeric(10, 2)
);
