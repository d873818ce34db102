-- HAZARD (drop-column, missing-reverse): the running application still reads orders.note, the data is
-- gone for good, and there is no U9 undo script.
SET lock_timeout = '5s';
ALTER TABLE orders DROP COLUMN note;
