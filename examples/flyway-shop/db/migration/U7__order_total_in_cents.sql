ALTER TABLE orders ALTER COLUMN total TYPE numeric(10, 2) USING total / 100.0;
