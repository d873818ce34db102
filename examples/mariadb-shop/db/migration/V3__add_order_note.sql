-- Safe: a nullable column is added instantly (metadata only); reads and writes go on.
ALTER TABLE orders ADD COLUMN note VARCHAR(200), ALGORITHM=INSTANT;
