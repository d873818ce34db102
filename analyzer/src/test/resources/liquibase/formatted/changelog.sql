--liquibase formatted sql

--changeset ana:1 labels:v1 context:prod
CREATE TABLE t (id bigint PRIMARY KEY);
--rollback DROP TABLE t;

--changeset ana:2 runInTransaction:false
CREATE INDEX CONCURRENTLY t_idx ON t (id);
--rollback not required

--changeset ana:3
ALTER TABLE t ADD COLUMN name text;
UPDATE t SET name = 'x';

--changeset ana:4 endDelimiter:GO
INSERT INTO t (id) VALUES (1)
GO
INSERT INTO t (id) VALUES (2)
GO
