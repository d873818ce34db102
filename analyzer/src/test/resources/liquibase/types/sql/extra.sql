-- statements from an sqlFile keep their own lines
CREATE TABLE extra (id int);

DROP TABLE extra_old;
