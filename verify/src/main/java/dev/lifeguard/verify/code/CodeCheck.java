package dev.lifeguard.verify.code;

import dev.lifeguard.analyzer.model.CodeReference;
import dev.lifeguard.analyzer.model.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the application's code uses of the schema (each table and column a reference of the code index names: a JPA
 * entity's mapped column, SQL in a string or a query annotation, a MyBatis statement, a SQL file), checked on the
 * rehearsal database: {@code PREPARE}d as {@code SELECT column FROM table}, never executed, then deallocated. The
 * server resolves the names as the application's statement would; a missing table or column is the server's own
 * error. The statements themselves are not prepared: the code index holds what they name, not their text (dynamic
 * SQL and JPQL are not in it).
 */
public final class CodeCheck {
    /** SQLSTATEs of a name the schema does not have: undefined table, undefined column, undefined schema. */
    private static final Set<String> MISSING = Set.of("42P01", "42703", "3F000");
    private static final String NAME = "lifeguard_code_check";

    /** A table the code uses, or one of its columns ({@code column} null: the table as a whole). */
    public record Use(TableName table, String column) {
        public static Use of(CodeReference r) {
            return new Use(r.table(), r.column());
        }

        /** The statement prepared for it. */
        public String sql() {
            String from = (table.schema() == null ? "" : quote(table.schema()) + ".") + quote(table.name());
            return "SELECT " + (column == null ? "1" : quote(column)) + " FROM " + from;
        }

        /** "orders.note" or "orders", for messages. */
        public String display() {
            return (table.schema() == null ? "" : table.schema() + ".") + table.name() + (column == null ? "" : "." + column);
        }
    }

    public enum Outcome {
        /** The server prepared it. */
        WORKS,
        /** The table, column or schema does not exist. */
        MISSING,
        /** Another error: nothing is said about this use. */
        NOT_CHECKED
    }

    /** How a use fared, with the server's error when it did not work. */
    public record Result(Outcome outcome, String error) {
    }

    private CodeCheck() {
    }

    /** Prepares each use on {@code c} (in autocommit: a failed PREPARE leaves nothing behind). */
    public static Map<Use, Result> prepare(Connection c, Collection<Use> uses) throws SQLException {
        Map<Use, Result> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (Use use : uses) {
                if (out.containsKey(use)) {
                    continue;
                }
                try {
                    s.execute("PREPARE " + NAME + " AS " + use.sql());
                    s.execute("DEALLOCATE " + NAME);
                    out.put(use, new Result(Outcome.WORKS, null));
                } catch (SQLException e) {
                    String error = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("")
                            .replaceFirst("^ERROR: ", "").strip();
                    out.put(use, new Result(MISSING.contains(e.getSQLState()) ? Outcome.MISSING : Outcome.NOT_CHECKED, error));
                }
            }
        }
        return out;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
