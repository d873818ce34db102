package dev.lifeguard.verify.mariadb;

import dev.lifeguard.verify.postgres.PgCatalog;
import dev.lifeguard.verify.postgres.SchemaSnapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads {@link SchemaSnapshot}s of the current database from MariaDB's information_schema: tables (engine), views,
 * sequences, columns (type, nullability, default, extra such as auto_increment or a generation expression,
 * collation), indexes (columns in order, uniqueness, kind), constraints (foreign keys with their target and actions,
 * checks with their expression), routines and triggers. Keys read as PostgreSQL's do ("index orders.orders_email_idx",
 * "column orders.note"), without the database's name: the rehearsal's database is one schema.
 */
final class MariaDbCatalog {
    private static final String RUNNER_TABLES = String.join(", ", PgCatalog.RUNNER_TABLES.stream().map(t -> "'" + t + "'").toList());

    private static final List<String> QUERIES = List.of(
            """
            SELECT CONCAT(CASE TABLE_TYPE WHEN 'VIEW' THEN 'view ' WHEN 'SEQUENCE' THEN 'sequence ' ELSE 'table ' END, TABLE_NAME),
                   IFNULL(ENGINE, '')
              FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND LOWER(TABLE_NAME) NOT IN (%1$s)
            """,
            """
            SELECT CONCAT('view ', TABLE_NAME), VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()
            """,
            """
            SELECT CONCAT('column ', c.TABLE_NAME, '.', c.COLUMN_NAME),
                   CONCAT(c.COLUMN_TYPE, IF(c.IS_NULLABLE = 'NO', ' NOT NULL', ''),
                          IF(c.COLUMN_DEFAULT IS NULL OR c.COLUMN_DEFAULT = 'NULL', '', CONCAT(' DEFAULT ', c.COLUMN_DEFAULT)),
                          IF(c.EXTRA = '', '', CONCAT(' ', c.EXTRA)),
                          IF(c.GENERATION_EXPRESSION IS NULL, '', CONCAT(' AS (', c.GENERATION_EXPRESSION, ')')),
                          IF(c.COLLATION_NAME IS NULL, '', CONCAT(' COLLATE ', c.COLLATION_NAME)))
              FROM information_schema.COLUMNS c JOIN information_schema.TABLES t
                ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'
             WHERE c.TABLE_SCHEMA = DATABASE() AND LOWER(c.TABLE_NAME) NOT IN (%1$s)
            """,
            """
            SELECT CONCAT('index ', TABLE_NAME, '.', INDEX_NAME),
                   CONCAT(IF(NON_UNIQUE = 0, 'UNIQUE ', ''), INDEX_TYPE, ' (',
                          GROUP_CONCAT(CONCAT(COLUMN_NAME, IFNULL(CONCAT('(', SUB_PART, ')'), ''),
                                              IF(COLLATION = 'D', ' DESC', '')) ORDER BY SEQ_IN_INDEX SEPARATOR ', '), ')')
              FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND LOWER(TABLE_NAME) NOT IN (%1$s)
             GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE
            """,
            """
            SELECT CONCAT('constraint ', k.TABLE_NAME, '.', k.CONSTRAINT_NAME),
                   CONCAT('FOREIGN KEY (', GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', '), ') REFERENCES ',
                          k.REFERENCED_TABLE_NAME, ' (', GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', '),
                          ') ON UPDATE ', r.UPDATE_RULE, ' ON DELETE ', r.DELETE_RULE)
              FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r
                ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
             WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
             GROUP BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_NAME, r.UPDATE_RULE, r.DELETE_RULE
            """,
            """
            SELECT CONCAT('constraint ', TABLE_NAME, '.', CONSTRAINT_NAME), CONCAT('CHECK (', CHECK_CLAUSE, ')')
              FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()
            """,
            """
            SELECT CONCAT(LOWER(ROUTINE_TYPE), ' ', ROUTINE_NAME), MD5(CONCAT_WS('|', DTD_IDENTIFIER, ROUTINE_DEFINITION))
              FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()
            """,
            """
            SELECT CONCAT('trigger ', EVENT_OBJECT_TABLE, '.', TRIGGER_NAME),
                   CONCAT(ACTION_TIMING, ' ', EVENT_MANIPULATION, ' ', MD5(ACTION_STATEMENT))
              FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()
            """);

    private MariaDbCatalog() {
    }

    static SchemaSnapshot snapshot(Connection c) throws SQLException {
        TreeMap<String, String> objects = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            for (String q : QUERIES) {
                try (ResultSet rs = s.executeQuery(q.formatted(RUNNER_TABLES))) {
                    while (rs.next()) {
                        String key = rs.getString(1);
                        String value = rs.getString(2) == null ? "" : rs.getString(2);
                        objects.merge(key, value, (a, b) -> a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b);
                    }
                }
            }
        }
        return new SchemaSnapshot(objects);
    }
}
