-- plain SQL reached through includeAll: one changeSet
ALTER TABLE lib_items_v2 ADD COLUMN note text;
