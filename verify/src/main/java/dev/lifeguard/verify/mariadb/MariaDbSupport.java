package dev.lifeguard.verify.mariadb;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.verify.db.DatabaseSupport;
import dev.lifeguard.verify.postgres.PgCatalog;
import dev.lifeguard.verify.postgres.SchemaSnapshot;
import dev.lifeguard.verify.postgres.TableRef;
import dev.lifeguard.verify.run.Observer;
import dev.lifeguard.verify.seed.Seeder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MariaDB's catalog, seeder and statement observer, for the rehearsal. A rehearsal database on MariaDB is one
 * schema (MariaDB's "database"); its tables are {@link TableRef}s of schema {@code public}, as PostgreSQL's default
 * schema, so that names written without a schema compare the same way.
 */
public final class MariaDbSupport implements DatabaseSupport {
    public static final MariaDbSupport INSTANCE = new MariaDbSupport();
    /** The schema name the tables of the rehearsal database carry (see the class comment). */
    static final String SCHEMA = "public";

    private MariaDbSupport() {
    }

    @Override
    public Dialect dialect() {
        return Dialect.MARIADB;
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    public SchemaSnapshot snapshot(Connection c) throws SQLException {
        return MariaDbCatalog.snapshot(c);
    }

    @Override
    public Map<Long, TableRef> tablesWithRows(Connection c) throws SQLException {
        List<String> names = baseTables(c);
        Map<String, Long> ids = tableIds(c);
        Map<Long, TableRef> out = new HashMap<>();
        long synthetic = -1;
        for (String name : names) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quote(name))) {
                rs.next();
                long n = rs.getLong(1);
                if (n > 0) {
                    long id = ids.getOrDefault(name, synthetic--);
                    out.put(id, new TableRef(id, SCHEMA, name, n));
                }
            }
        }
        return out;
    }

    /** The application's base tables of the current database. */
    static List<String> baseTables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                if (!PgCatalog.isRunnerTable(rs.getString(1))) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * InnoDB's id of each table of the current database: a rebuilt table (ALGORITHM=COPY, or an in-place rebuild)
     * gets a new one; an ALTER that only changes metadata (INSTANT, NOCOPY) keeps it.
     */
    static Map<String, Long> tableIds(Connection c) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT NAME, TABLE_ID FROM"
                + " information_schema.INNODB_SYS_TABLES WHERE NAME LIKE CONCAT(DATABASE(), '/%')")) {
            while (rs.next()) {
                String name = rs.getString(1);
                out.put(name.substring(name.indexOf('/') + 1), rs.getLong(2));
            }
        }
        return out;
    }

    @Override
    public List<Seeder.Outcome> fill(Connection c, int rows) throws SQLException {
        return new MariaDbSeeder(rows).fillEmptyTables(c);
    }

    @Override
    public Observer observer(DataSource sessions, Map<Long, TableRef> tables) throws SQLException {
        return new MariaDbObserver(sessions, tables);
    }

    /** Empties the tables and the tables that refer to them, as PostgreSQL's TRUNCATE ... CASCADE does. */
    @Override
    public void empty(Connection c, List<TableRef> tables) throws SQLException {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(tables.stream().map(TableRef::name).toList());
        Map<String, List<String>> children = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT REFERENCED_TABLE_NAME, TABLE_NAME"
                + " FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_SCHEMA = DATABASE()")) {
            while (rs.next()) {
                children.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(all);
        while (!todo.isEmpty()) {
            for (String child : children.getOrDefault(todo.pop(), List.of())) {
                if (all.add(child)) {
                    todo.push(child);
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET foreign_key_checks = 0");
            try {
                for (String t : all) {
                    s.execute("DELETE FROM " + quote(t));
                }
            } finally {
                s.execute("SET foreign_key_checks = 1");
            }
        }
    }

    @Override
    public List<FailingWrite> failingOldWrites(Connection c, SchemaSnapshot before, Map<Long, TableRef> tables) throws SQLException {
        List<FailingWrite> out = new ArrayList<>();
        for (TableRef t : tables.values()) {
            List<String> old = new ArrayList<>();
            List<String> required = new ArrayList<>();
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, IS_NULLABLE, COLUMN_DEFAULT, EXTRA"
                    + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
                ps.setString(1, t.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String column = rs.getString(1);
                        if (before.objects().containsKey("column " + t.name() + "." + column)) {
                            old.add(column);
                        } else if (rs.getString(2).equals("NO") && (rs.getString(3) == null || rs.getString(3).equals("NULL"))
                                && rs.getString(4).isEmpty()) {
                            required.add(column);
                        }
                    }
                }
            }
            if (required.isEmpty() || old.isEmpty()) {
                continue;
            }
            String columns = String.join(", ", old.stream().map(MariaDbSupport::quote).toList());
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO " + quote(t.name()) + " (" + columns + ") SELECT " + columns + " FROM "
                        + quote(t.name()) + " LIMIT 1");
            } catch (SQLException e) {
                if (e.getErrorCode() == 1364) { // ER_NO_DEFAULT_FOR_FIELD
                    String message = e.getMessage().lines().findFirst().orElse("").replaceFirst("^\\(conn=\\d+\\) ", "").strip();
                    String column = required.stream().filter(message::contains).findFirst().orElse(required.get(0));
                    out.add(new FailingWrite(t.name(), column, message));
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
        return out;
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
