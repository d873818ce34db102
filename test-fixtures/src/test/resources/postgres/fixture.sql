-- The table every lock case runs against, rebuilt before each case (PostgresLockMeasurementTest).
-- Small on purpose: locks and rewrites do not depend on size, and 10,000 rows keep the suite fast
-- while still telling a full scan (seq_tup_read >= rows) from a catalog-only change.
DROP SCHEMA IF EXISTS lab CASCADE;
CREATE SCHEMA lab;
CREATE TYPE lab.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE lab.parent (id bigint PRIMARY KEY);
INSERT INTO lab.parent SELECT g FROM generate_series(1, 1000) g;
CREATE TABLE lab.t (
    id         int PRIMARY KEY,
    name       varchar(50) NOT NULL,
    descr      varchar(100),
    body       text,
    qty        int NOT NULL,
    amount     numeric(10, 2),
    email      text,
    created_at timestamp,
    parent_id  bigint,
    feeling    lab.mood
);
INSERT INTO lab.t
SELECT g, 'name ' || g, 'descr ' || g, 'b' || (g % 1000), g % 100, g / 7.0, 'user' || g || '@example.com',
       timestamp '2024-01-01' + g * interval '1 minute', 1 + g % 1000, 'ok'
FROM generate_series(1, 10000) g;
CREATE INDEX t_name_idx ON lab.t (name);
CREATE INDEX t_descr_idx ON lab.t (descr);
CREATE INDEX t_created_idx ON lab.t (created_at);
