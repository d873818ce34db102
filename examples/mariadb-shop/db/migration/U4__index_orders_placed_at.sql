-- Broken: names an index that does not exist, so the way back fails.
DROP INDEX orders_placed_idx ON orders;
