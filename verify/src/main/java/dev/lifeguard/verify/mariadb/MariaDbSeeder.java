package dev.lifeguard.verify.mariadb;

import dev.lifeguard.verify.seed.Seeder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.lifeguard.verify.mariadb.MariaDbSupport.quote;

/**
 * Fills MariaDB's empty tables with synthetic rows, made by the server itself: {@code INSERT IGNORE ... WITH
 * RECURSIVE seq(n) ... SELECT} (MariaDB has no generate_series). Values are valid for each column's type (lengths,
 * precision, ENUM/SET members, dates); unique columns (primary keys, UNIQUE indexes) distinct, others repeating as
 * real data does; NULL in every fifth row of a nullable column; the values a CHECK ... IN (...) lists; foreign keys
 * pointing at the parent's rows, parents filled first. Rows another CHECK rejects are left out by IGNORE. A table
 * left empty is reported with the reason.
 */
final class MariaDbSeeder {
    private static final Pattern ENUM = Pattern.compile("'((?:[^']|'')*)'");

    private final int rows;

    MariaDbSeeder(int rows) {
        this.rows = rows;
    }

    private record Column(String name, String dataType, String columnType, boolean nullable, Long length, Long precision,
                          Long scale, String extra) {
        boolean skipped() {
            String e = extra.toLowerCase(Locale.ROOT);
            return e.contains("auto_increment") || e.contains("generated") || e.contains("virtual") || e.contains("stored")
                    || e.contains("persistent");
        }
    }

    private record ForeignKey(String column, String parent, String parentColumn) {
    }

    List<Seeder.Outcome> fillEmptyTables(Connection c) throws SQLException {
        List<String> tables = MariaDbSupport.baseTables(c);
        Map<String, List<Column>> columns = columns(c);
        Map<String, Set<String>> unique = unique(c);
        Map<String, List<ForeignKey>> fks = foreignKeys(c);
        implicitForeignKeys(tables, columns, unique, fks);
        Map<String, List<String>> checks = checks(c);
        List<Seeder.Outcome> out = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION max_recursive_iterations = " + (rows + 10));
            for (String t : parentsFirst(tables, fks)) {
                if (count(c, t) > 0) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                List<String> values = new ArrayList<>();
                String problem = null;
                for (Column col : columns.getOrDefault(t, List.of())) {
                    if (col.skipped()) {
                        continue;
                    }
                    boolean uniq = unique.getOrDefault(t, Set.of()).contains(col.name());
                    ForeignKey fk = fks.getOrDefault(t, List.of()).stream().filter(f -> f.column().equals(col.name())).findFirst().orElse(null);
                    String value;
                    if (fk != null) {
                        long parentRows = count(c, fk.parent());
                        if (parentRows == 0) {
                            value = col.nullable() ? "NULL" : null;
                            if (value == null) {
                                problem = "its foreign key " + col.name() + " -> " + fk.parent() + " has no parent row to point at";
                                break;
                            }
                        } else {
                            value = "(SELECT p.k FROM (SELECT " + quote(fk.parentColumn()) + " AS k, ROW_NUMBER() OVER (ORDER BY "
                                    + quote(fk.parentColumn()) + ") AS rn FROM " + quote(fk.parent()) + ") p WHERE p.rn = "
                                    + (uniq ? "seq.n" : "1 + MOD(seq.n - 1, " + parentRows + ")") + ")";
                        }
                    } else {
                        value = value(col, uniq, checks.getOrDefault(t, List.of()));
                        if (value == null) {
                            if (!col.nullable()) {
                                problem = "no value generator for column " + col.name() + " of type " + col.columnType();
                                break;
                            }
                            value = "NULL";
                        }
                    }
                    if (col.nullable() && !uniq && !value.equals("NULL")) {
                        value = "IF(MOD(seq.n, 5) = 0, NULL, " + value + ")";
                    }
                    names.add(quote(col.name()));
                    values.add(value);
                }
                if (problem == null && names.isEmpty()) {
                    problem = "it has no column Lifeguard fills (only AUTO_INCREMENT or generated ones)";
                }
                if (problem == null) {
                    String sql = "INSERT IGNORE INTO " + quote(t) + " (" + String.join(", ", names) + ") WITH RECURSIVE seq(n) AS"
                            + " (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < " + rows + ") SELECT "
                            + (values.isEmpty() ? "" : String.join(", ", values)) + " FROM seq";
                    try {
                        s.executeUpdate(sql);
                    } catch (SQLException e) {
                        problem = first(e.getMessage());
                    }
                }
                long n = count(c, t);
                if (n == 0 && problem == null) {
                    problem = "every row was rejected" + warning(s);
                }
                out.add(new Seeder.Outcome(MariaDbSupport.SCHEMA, t, n, problem));
            }
        }
        return out;
    }

    /** An SQL expression of seq.n valid for the column; null when there is none. */
    private static String value(Column col, boolean unique, List<String> checks) {
        List<String> listed = listed(col.name(), checks);
        if (!listed.isEmpty()) {
            return "ELT(1 + MOD(seq.n, " + listed.size() + "), " + String.join(", ", listed) + ")";
        }
        String n = unique ? "seq.n" : "MOD(seq.n, 7)";
        String type = col.dataType().toLowerCase(Locale.ROOT);
        long len = col.length() == null ? 64 : Math.min(col.length(), 64);
        boolean json = checks.stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).matches("(?s).*json_valid\\(`?" + Pattern.quote(col.name().toLowerCase(Locale.ROOT)) + "`?\\).*"));
        return switch (type) {
            case "tinyint" -> col.columnType().toLowerCase(Locale.ROOT).startsWith("tinyint(1)") ? "MOD(seq.n, 2)" : "MOD(" + n + ", 100)";
            case "smallint", "mediumint", "int", "integer", "bigint" -> n;
            case "decimal", "numeric" -> {
                long digits = col.precision() == null ? 9 : col.precision() - (col.scale() == null ? 0 : col.scale());
                yield digits <= 0 ? "0" : "MOD(" + n + ", " + (long) Math.pow(10, Math.min(digits, 9)) + ")";
            }
            case "float", "double", "real" -> n + " + 0.5";
            case "bit" -> "MOD(" + n + ", " + (1L << Math.min(col.precision() == null ? 1 : col.precision(), 30)) + ")";
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" -> json ? "JSON_OBJECT('n', " + n + ")"
                    : "LEFT(CONCAT('v', " + n + "), " + len + ")";
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" ->
                    "LEFT(CAST(CONCAT('b', " + n + ") AS BINARY), " + len + ")";
            case "date" -> "DATE_ADD('2024-01-01', INTERVAL " + n + " DAY)";
            case "datetime", "timestamp" -> "DATE_ADD('2024-01-01 00:00:00', INTERVAL " + n + " MINUTE)";
            case "time" -> "SEC_TO_TIME(" + n + " * 60)";
            case "year" -> "1970 + MOD(seq.n, 100)";
            case "enum", "set" -> {
                List<String> members = new ArrayList<>();
                Matcher m = ENUM.matcher(col.columnType());
                while (m.find()) {
                    members.add("'" + m.group(1) + "'");
                }
                yield members.isEmpty() ? null : "ELT(1 + MOD(seq.n, " + members.size() + "), " + String.join(", ", members) + ")";
            }
            case "point", "geometry" -> "POINT(" + n + ", " + n + ")";
            case "linestring" -> "LINESTRING(POINT(0, 0), POINT(" + n + " + 1, " + n + " + 1))";
            case "polygon" -> "POLYGON(LINESTRING(POINT(0, 0), POINT(" + n + " + 1, 0), POINT(" + n + " + 1, 1), POINT(0, 0)))";
            case "uuid" -> "UUID()";
            case "inet4" -> "CONCAT('10.0.', seq.n DIV 256, '.', MOD(seq.n, 256))";
            case "inet6" -> "CONCAT('::', LOWER(HEX(seq.n)))";
            default -> null;
        };
    }

    /** The values a CHECK lists for the column ({@code `status` in ('new','paid')}), quoted. */
    static List<String> listed(String column, List<String> checks) {
        Pattern in = Pattern.compile("`?" + Pattern.quote(column) + "`?\\s+in\\s*\\(((?:\\s*'(?:[^']|'')*'\\s*,?)+)\\)",
                Pattern.CASE_INSENSITIVE);
        for (String check : checks) {
            Matcher m = in.matcher(check);
            if (m.find() && !check.toLowerCase(Locale.ROOT).contains(" or ")) {
                List<String> out = new ArrayList<>();
                Matcher v = ENUM.matcher(m.group(1));
                while (v.find()) {
                    out.add("'" + v.group(1) + "'");
                }
                return out;
            }
        }
        return List.of();
    }

    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint");

    /**
     * Columns named {@code <table>_id} that no foreign key declares yet still hold that table's keys in production
     * (a later migration often adds the constraint): they get the parent's keys, as a declared foreign key does, so
     * that adding the constraint is rehearsed on rows that satisfy it (as the PostgreSQL seeder does).
     */
    private static void implicitForeignKeys(List<String> tables, Map<String, List<Column>> columns, Map<String, Set<String>> unique,
                                            Map<String, List<ForeignKey>> fks) {
        for (String t : tables) {
            for (Column col : columns.getOrDefault(t, List.of())) {
                String name = col.name();
                if (!name.endsWith("_id") || name.length() <= 3 || unique.getOrDefault(t, Set.of()).contains(name)
                        || !INTEGERS.contains(col.dataType().toLowerCase(Locale.ROOT))
                        || fks.getOrDefault(t, List.of()).stream().anyMatch(f -> f.column().equals(name))) {
                    continue;
                }
                String stem = name.substring(0, name.length() - 3);
                for (String parent : tables) {
                    if (parent.equals(t) || !(parent.equals(stem) || parent.equals(stem + "s") || parent.equals(stem + "es"))) {
                        continue;
                    }
                    List<String> key = columns.getOrDefault(parent, List.of()).stream()
                            .filter(pc -> unique.getOrDefault(parent, Set.of()).contains(pc.name())
                                    && INTEGERS.contains(pc.dataType().toLowerCase(Locale.ROOT)))
                            .map(Column::name).toList();
                    if (key.size() == 1) {
                        fks.computeIfAbsent(t, k -> new ArrayList<>()).add(new ForeignKey(name, parent, key.get(0)));
                        break;
                    }
                }
            }
        }
    }

    private static List<String> parentsFirst(List<String> tables, Map<String, List<ForeignKey>> fks) {
        List<String> out = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        for (String t : tables) {
            visit(t, tables, fks, out, visiting);
        }
        return out;
    }

    private static void visit(String t, List<String> tables, Map<String, List<ForeignKey>> fks, List<String> out, Set<String> visiting) {
        if (out.contains(t) || !visiting.add(t)) {
            return; // done, or a cycle: filled in the order met
        }
        for (ForeignKey fk : fks.getOrDefault(t, List.of())) {
            if (tables.contains(fk.parent()) && !fk.parent().equals(t)) {
                visit(fk.parent(), tables, fks, out, visiting);
            }
        }
        out.add(t);
    }

    private static Map<String, List<Column>> columns(Connection c) throws SQLException {
        Map<String, List<Column>> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, CHARACTER_MAXIMUM_LENGTH,
                       NUMERIC_PRECISION, NUMERIC_SCALE, EXTRA
                  FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION""")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Column(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5).equals("YES"), (Long) rs.getObject(6, Long.class),
                        rs.getObject(7, Long.class), rs.getObject(8, Long.class), rs.getString(9) == null ? "" : rs.getString(9)));
            }
        }
        return out;
    }

    /** Per table, the first column of each unique index (that column distinct makes the whole key distinct). */
    private static Map<String, Set<String>> unique(Connection c) throws SQLException {
        Map<String, Set<String>> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM"
                + " information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND NON_UNIQUE = 0 AND SEQ_IN_INDEX = 1")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        return out;
    }

    private static Map<String, List<ForeignKey>> foreignKeys(Connection c) throws SQLException {
        Map<String, List<ForeignKey>> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME,"
                + " REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
                + " WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL"
                + " AND REFERENCED_TABLE_SCHEMA = DATABASE()")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new ForeignKey(rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }

    private static Map<String, List<String>> checks(Connection c) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME, CHECK_CLAUSE FROM"
                + " information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return out;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String warning(Statement s) throws SQLException {
        SQLWarning w = s.getWarnings();
        return w == null ? "" : ": " + first(w.getMessage());
    }

    private static String first(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").replaceFirst("^\\(conn=\\d+\\) ", "").strip();
    }
}
