package dev.lifeguard.rules;

import dev.lifeguard.analyzer.model.TableName;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names written back into SQL a developer pastes: a name the database would fold or misread (upper case, a
 * space, a leading digit) is double-quoted again, so {@code "userId"} stays {@code "userId"}.
 */
public final class SqlNames {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private SqlNames() {
    }

    /** One identifier, quoted when it needs to be. */
    public static String ident(String name) {
        return PLAIN.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A table name, schema included when it has one. */
    public static String table(TableName table) {
        return table.schema() == null ? ident(table.name()) : ident(table.schema()) + "." + ident(table.name());
    }

    /** Column names separated by ", ". */
    public static String columns(List<String> columns) {
        return columns.stream().map(SqlNames::ident).collect(Collectors.joining(", "));
    }
}
