-- Hazard: a NOT NULL column without a default. MariaDB accepts it and fills the existing rows with '', but the
-- version still running inserts customers without tier, and those INSERTs now fail.
ALTER TABLE customers ADD COLUMN tier VARCHAR(10) NOT NULL;
