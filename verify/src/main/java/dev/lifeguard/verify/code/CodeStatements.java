package dev.lifeguard.verify.code;

import dev.lifeguard.analyzer.code.SqlPlaceholders;
import dev.lifeguard.analyzer.model.CodeEntity;
import dev.lifeguard.analyzer.model.CodeIndex;
import dev.lifeguard.analyzer.model.CodeStatement;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The statements an application version sends, as the server is asked to {@code PREPARE} them (never executed):
 * each complete statement of the code index with its placeholders as numbered parameters, and for each JPA entity
 * the {@code SELECT} of its mapped columns and an {@code INSERT} of those the provider writes, per table. What
 * cannot be prepared on its own (SQL put together at run time, {@code ${}} substitution, MyBatis dynamic SQL,
 * JPQL, SpEL, JDBC escapes, statements PREPARE does not take) is counted by reason, never guessed at.
 */
public final class CodeStatements {
    /** More distinct statements than this are not prepared (counted): a data dump among the code's SQL files. */
    static final int LIMIT = 5_000;
    /** Statements PREPARE takes: queries and data changes. */
    private static final Pattern PREPARABLE = Pattern.compile("(?is)^\\(*\\s*(select|insert|update|delete|with|values|table|merge)\\b.*");
    private static final String NAME = "lifeguard_code_statement";

    /** Where one version's code sends a statement. */
    public record Origin(boolean running, SourceSpan span, String what, List<CodeStatement.Name> names,
                         CodeEntity entity, String untyped) {
        Origin(boolean running, SourceSpan span, String what, List<CodeStatement.Name> names, CodeEntity entity) {
            this(running, span, what, names, entity, null);
        }
    }

    /**
     * The parameter type the provider binds for an attribute's Java (or Kotlin) type, where it is always the same:
     * Hibernate binds a {@code String} as {@code varchar} (unless the driver is told {@code stringtype=unspecified}),
     * a {@code Long} as {@code bigint}... Enums, converters, associations and anything else stay untyped.
     */
    private static final Map<String, String> BOUND_AS = Map.ofEntries(Map.entry("String", "varchar"),
            Map.entry("Long", "bigint"), Map.entry("long", "bigint"), Map.entry("Integer", "integer"),
            Map.entry("int", "integer"), Map.entry("Int", "integer"), Map.entry("Short", "smallint"),
            Map.entry("short", "smallint"), Map.entry("Boolean", "boolean"), Map.entry("boolean", "boolean"),
            Map.entry("BigDecimal", "numeric"), Map.entry("Double", "double precision"),
            Map.entry("double", "double precision"), Map.entry("Float", "real"), Map.entry("float", "real"),
            Map.entry("UUID", "uuid"), Map.entry("LocalDate", "date"), Map.entry("LocalDateTime", "timestamp"),
            Map.entry("LocalTime", "time"), Map.entry("OffsetDateTime", "timestamptz"),
            Map.entry("ZonedDateTime", "timestamptz"), Map.entry("byte[]", "bytea"));

    /** One statement as prepared, and every place of either version's code that sends it. */
    public record Probe(String sql, List<Origin> origins) {
        boolean sentBy(boolean running) {
            return origins.stream().anyMatch(o -> o.running() == running);
        }
    }

    public enum Outcome {
        /** The server prepared it. */
        WORKS,
        /** The server rejected it (a missing name, a type that no longer fits, an ambiguous column...). */
        FAILS,
        /** Something else went wrong (the session, a time limit): nothing is said about the statement. */
        NOT_CHECKED
    }

    /** How a statement fared, with the server's error when it did not work. */
    public record Result(Outcome outcome, String sqlState, String error) {
    }

    private final Map<String, Probe> probes = new LinkedHashMap<>();
    /** Statements not prepared, by reason, per version (true: the running one). */
    private final Map<Boolean, Map<String, Integer>> skipped = Map.of(true, new TreeMap<>(), false, new TreeMap<>());
    private final int[] sent = new int[2];
    private boolean untypedStrings;

    private CodeStatements() {
    }

    /** The statements of both versions ({@code deploying} the same index as {@code running} when the change touches no code). */
    public static CodeStatements of(CodeIndex running, CodeIndex deploying) {
        return of(running, deploying, false);
    }

    /** @param untypedStrings the application's driver sends strings untyped ({@code stringtype=unspecified}) */
    public static CodeStatements of(CodeIndex running, CodeIndex deploying, boolean untypedStrings) {
        CodeStatements out = new CodeStatements();
        out.untypedStrings = untypedStrings;
        out.add(running, true);
        if (deploying != running) {
            out.add(deploying, false); // else one code for both versions: its statements are the running version's
        }
        return out;
    }

    private void add(CodeIndex index, boolean running) {
        for (CodeStatement s : index.statements()) {
            if (s.form() != CodeStatement.Form.COMPLETE) {
                skip(running, s.form().label());
                continue;
            }
            SqlPlaceholders.Numbered numbered = SqlPlaceholders.numbered(s.sql());
            if (numbered.problem() != null) {
                skip(running, numbered.problem());
            } else if (!PREPARABLE.matcher(numbered.sql()).matches()) {
                skip(running, "not a query or data change");
            } else {
                probe(numbered.sql(), new Origin(running, s.span(), s.kind().label(), s.names(), null), running);
                SqlPlaceholders.Numbered typed = SqlPlaceholders.numbered(s.sql(), this::jdbcCast);
                if (!typed.sql().equals(numbered.sql())) {
                    probe(typed.sql(), new Origin(running, s.span(), s.kind().label() + " (values of the jdbcTypes it names)",
                            s.names(), null, numbered.sql()), running);
                }
            }
        }
        for (CodeEntity e : index.entities()) {
            Map<TableName, List<CodeEntity.Column>> byTable = new LinkedHashMap<>();
            e.columns().forEach(c -> byTable.computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c));
            for (Map.Entry<TableName, List<CodeEntity.Column>> t : byTable.entrySet()) {
                List<CodeStatement.Name> names = new ArrayList<>();
                names.add(new CodeStatement.Name(t.getKey(), null));
                t.getValue().forEach(c -> names.add(new CodeStatement.Name(t.getKey(), c.name())));
                String table = quote(t.getKey());
                probe("SELECT " + String.join(", ", t.getValue().stream().map(c -> quote(c.name())).toList()) + " FROM " + table,
                        new Origin(running, e.span(), "JPA entity " + e.name() + "'s SELECT of its columns", names, e), running);
                List<CodeEntity.Column> written = t.getValue().stream().filter(CodeEntity.Column::insertable).toList();
                if (!written.isEmpty()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= written.size(); i++) {
                        values.add("$" + i);
                    }
                    String into = "INSERT INTO " + table + " (" + String.join(", ", written.stream().map(c -> quote(c.name())).toList())
                            + ") VALUES (";
                    String untyped = into + String.join(", ", values) + ")";
                    probe(untyped, new Origin(running, e.span(), "JPA entity " + e.name() + "'s INSERT", names, e), running);
                    // and with each value of the type the provider binds: a column retyped under it rejects the value
                    List<String> typed = new ArrayList<>();
                    for (int i = 0; i < written.size(); i++) {
                        String type = boundAs(written.get(i).type());
                        typed.add(type == null ? values.get(i) : values.get(i) + "::" + type);
                    }
                    if (!typed.equals(values)) {
                        probe(into + String.join(", ", typed) + ")", new Origin(running, e.span(), "JPA entity " + e.name()
                                + "'s INSERT (values of the types Hibernate binds)", names, e, untyped), running);
                    }
                }
            }
        }
    }

    /** The type the driver binds for a MyBatis {@code jdbcType} (upper case), where it is one type; else null. */
    private String jdbcCast(String jdbcType) {
        String cast = switch (jdbcType) {
            case "VARCHAR", "CHAR", "LONGVARCHAR", "NVARCHAR", "NCHAR" -> untypedStrings ? null : "varchar";
            case "BIGINT" -> "bigint";
            case "INTEGER" -> "integer";
            case "SMALLINT", "TINYINT" -> "smallint";
            case "BOOLEAN", "BIT" -> "boolean";
            case "NUMERIC", "DECIMAL" -> "numeric";
            case "DOUBLE", "FLOAT" -> "double precision";
            case "REAL" -> "real";
            case "DATE" -> "date";
            case "TIMESTAMP" -> "timestamp";
            case "TIME" -> "time";
            case "TIMESTAMP_WITH_TIMEZONE" -> "timestamptz";
            case "BINARY", "VARBINARY", "LONGVARBINARY", "BLOB" -> "bytea";
            default -> null;
        };
        return cast;
    }

    private String boundAs(String javaType) {
        if (javaType == null) {
            return null;
        }
        String simple = javaType.substring(javaType.lastIndexOf('.') + 1);
        return untypedStrings && simple.equals("String") ? null : BOUND_AS.get(simple);
    }

    private void probe(String sql, Origin origin, boolean running) {
        Probe known = probes.get(sql);
        if (known == null && probes.size() >= LIMIT) {
            skip(running, "over the limit of " + LIMIT + " statements");
            return;
        }
        sent[running ? 0 : 1]++;
        List<Origin> origins = new ArrayList<>(known == null ? List.of() : known.origins());
        origins.add(origin);
        probes.put(sql, new Probe(sql, List.copyOf(origins)));
    }

    private void skip(boolean running, String why) {
        skipped.get(running).merge(why, 1, Integer::sum);
    }

    public List<Probe> probes() {
        return List.copyOf(probes.values());
    }

    /** How many statements (entities' included) a version sends that are prepared. */
    public int sent(boolean running) {
        return sent[running ? 0 : 1];
    }

    /** The statements of a version not prepared, by reason. */
    public Map<String, Integer> skipped(boolean running) {
        return skipped.get(running);
    }

    public boolean isEmpty() {
        return probes.isEmpty() && skipped.get(true).isEmpty() && skipped.get(false).isEmpty();
    }

    /** Prepares every statement on {@code c} (in autocommit: a failed PREPARE leaves nothing behind). */
    public Map<String, Result> prepare(Connection c) throws SQLException {
        Map<String, Result> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (Probe p : probes.values()) {
                try {
                    s.execute("PREPARE " + NAME + " AS " + p.sql());
                    s.execute("DEALLOCATE " + NAME);
                    out.put(p.sql(), new Result(Outcome.WORKS, null, null));
                } catch (SQLException e) {
                    if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                        throw e; // the session is gone: the rehearsal's problem, not the statement's
                    }
                    out.put(p.sql(), new Result(aboutTheStatement(e.getSQLState()) ? Outcome.FAILS : Outcome.NOT_CHECKED,
                            e.getSQLState(), firstLine(e)));
                }
            }
        }
        return out;
    }

    /**
     * Errors of the statement against this schema: syntax or access rule (class 42: missing names, types that do not
     * fit, ambiguity, generated columns), data (22: a literal the column's type does not take), feature not
     * supported (0A), invalid schema (3F). Others (a cancelled statement, resources) say nothing about it.
     */
    private static boolean aboutTheStatement(String sqlState) {
        return sqlState != null && (sqlState.startsWith("42") || sqlState.startsWith("22") || sqlState.startsWith("0A")
                || sqlState.startsWith("3F"));
    }

    static String firstLine(SQLException e) {
        return e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "").strip();
    }

    static String quote(TableName t) {
        return (t.schema() == null ? "" : quote(t.schema()) + ".") + quote(t.name());
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A statement shortened for a message. */
    static String shortened(String sql) {
        String one = sql.replaceAll("\\s+", " ").strip();
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }
}
