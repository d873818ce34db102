CREATE TABLE customers (id bigint PRIMARY KEY, full_name text, ghost_column text);
