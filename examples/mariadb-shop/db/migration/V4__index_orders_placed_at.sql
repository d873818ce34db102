-- Safe: InnoDB builds a secondary index in place while reads and writes go on (LOCK=NONE).
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
