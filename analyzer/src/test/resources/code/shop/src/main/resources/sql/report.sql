-- a report run by the application, not a migration
SELECT region_id, count(*) FROM customers GROUP BY region_id;
