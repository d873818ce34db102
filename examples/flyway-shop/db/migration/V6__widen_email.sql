-- Safe: widening a varchar changes only the catalog; no rewrite, no scan, old code still fits.
SET lock_timeout = '5s';
ALTER TABLE customers ALTER COLUMN email TYPE varchar(200);
