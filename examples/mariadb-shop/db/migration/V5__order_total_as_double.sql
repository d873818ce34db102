-- Hazard: changing a column's type copies the whole table (ALGORITHM=COPY); writes wait until the copy ends.
ALTER TABLE orders MODIFY total DOUBLE NOT NULL;
