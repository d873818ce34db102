package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Precondition;
import dev.lifeguard.analyzer.model.Precondition.Check;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.timeline.SchemaObjects;
import dev.lifeguard.analyzer.timeline.SchemaState;
import dev.lifeguard.analyzer.timeline.TableState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which migrations run on the linted database, as their runner decides it.
 *
 * <p>A Liquibase changeSet runs where its {@code dbms} attribute and contexts allow
 * ({@link Migration#appliesTo}) and its {@code <preConditions>} do not stop it. A precondition is answered
 * the way Liquibase would answer it on a database built by the replayed history: {@code dbms} from the
 * database linted; {@code tableExists}, {@code columnExists}, {@code indexExists},
 * {@code foreignKeyConstraintExists}, {@code primaryKeyExists}, {@code viewExists} and
 * {@code sequenceExists} from the schema just before the changeSet; {@code not}, {@code and}, {@code or}
 * in three-valued logic. What cannot be answered (a {@code sqlCheck}, a property, a table no linted
 * migration ever created, a changelog-level schema check, which Liquibase runs before anything else against
 * the database as it then is) is unknown. A false precondition stops the changeSet unless
 * {@code onFail="WARN"} (Liquibase then runs it anyway); an unknown one is assumed to pass, and the
 * {@code not-checked} rule says so.
 *
 * <p>As for the {@code dbms} attribute, a changeSet that does not run on the linted database but does on
 * another one the project supports is judged by that database's rules ({@link #dialect}).
 */
public final class RunsOn {

    /** Three-valued truth: a precondition may be unanswerable without the live database. */
    enum Truth { TRUE, FALSE, UNKNOWN }

    private RunsOn() {
    }

    /**
     * The database the migration is judged for: the linted one when it runs there, else the first other one
     * it runs on, else none (it runs nowhere Lifeguard knows: skipped).
     *
     * @param schema the schema just before the migration, on the linted database
     */
    public static Optional<Dialect> dialect(Migration m, Dialect linted, SchemaState schema) {
        if (m.appliesTo(linted) && runs(m, linted, schema)) {
            return Optional.of(linted);
        }
        for (Dialect d : Dialect.values()) {
            if (d != Dialect.GENERIC && d != linted && m.appliesTo(d) && runs(m, d, schema)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the migration starts from an empty schema: the first migration of a baseline (a Flyway
     * {@code B} migration, or the first changeSet of a generated schema snapshot), which its runner applies
     * only to an empty database.
     */
    public static boolean startsEmpty(Migration m, Migration previous) {
        return m.baseline() && (previous == null || !previous.baseline() || !previous.file().equals(m.file())
                || m.kind() != Migration.Kind.CHANGESET);
    }

    /** Whether no precondition stops the migration on this database. */
    static boolean runs(Migration m, Dialect dialect, SchemaState schema) {
        for (Precondition p : m.preconditions()) {
            if (truth(p.check(), m, dialect, schema, p.changelogLevel()) == Truth.FALSE
                    && p.onFail() != Precondition.Action.WARN) {
                return false;
            }
        }
        return true;
    }

    /**
     * The checks Lifeguard could not answer for a migration it judges as running, one description each (for
     * the not-checked note); empty when every precondition was answered or does not matter
     * ({@code onFail="WARN"} runs the changeSet whatever the answer).
     */
    public static List<String> unanswered(Migration m, Dialect dialect, SchemaState schema) {
        List<String> out = new ArrayList<>();
        for (Precondition p : m.preconditions()) {
            if (p.onFail() != Precondition.Action.WARN
                    && truth(p.check(), m, dialect, schema, p.changelogLevel()) == Truth.UNKNOWN) {
                collectUnknown(p.check(), m, dialect, schema, p.changelogLevel(), out);
            }
        }
        return out;
    }

    private static void collectUnknown(Check c, Migration m, Dialect dialect, SchemaState schema, boolean changelogLevel,
                                       List<String> out) {
        if (c instanceof Precondition.Not n) {
            n.checks().forEach(x -> collectUnknown(x, m, dialect, schema, changelogLevel, out));
        } else if (c instanceof Precondition.And a) {
            a.checks().forEach(x -> collectUnknown(x, m, dialect, schema, changelogLevel, out));
        } else if (c instanceof Precondition.Or o) {
            o.checks().forEach(x -> collectUnknown(x, m, dialect, schema, changelogLevel, out));
        } else if (truth(c, m, dialect, schema, changelogLevel) == Truth.UNKNOWN) {
            String d = describe(c, schema, changelogLevel);
            if (!out.contains(d)) {
                out.add(d);
            }
        }
    }

    static Truth truth(Check c, Migration m, Dialect dialect, SchemaState schema, boolean changelogLevel) {
        if (c instanceof Precondition.Not n) {
            return not(and(n.checks(), m, dialect, schema, changelogLevel));
        }
        if (c instanceof Precondition.And a) {
            return and(a.checks(), m, dialect, schema, changelogLevel);
        }
        if (c instanceof Precondition.Or o) {
            Truth t = Truth.FALSE;
            for (Check x : o.checks()) {
                Truth v = truth(x, m, dialect, schema, changelogLevel);
                if (v == Truth.TRUE) {
                    return Truth.TRUE;
                }
                if (v == Truth.UNKNOWN) {
                    t = Truth.UNKNOWN;
                }
            }
            return o.checks().isEmpty() ? Truth.TRUE : t;
        }
        if (c instanceof Precondition.Dbms d) {
            return dbms(d, dialect);
        }
        if (c instanceof Precondition.Unanswerable || changelogLevel) {
            return Truth.UNKNOWN;
        }
        Truth t = schemaCheck(c, schema);
        // a guard against making an object twice, for one the changeSet itself makes and no linted migration
        // made before: on a database these migrations built it is not there yet
        return t == Truth.UNKNOWN && SelfGuard.creates(m, c) ? Truth.FALSE : t;
    }

    private static Truth and(List<Check> checks, Migration m, Dialect dialect, SchemaState schema, boolean changelogLevel) {
        Truth t = Truth.TRUE;
        for (Check x : checks) {
            Truth v = truth(x, m, dialect, schema, changelogLevel);
            if (v == Truth.FALSE) {
                return Truth.FALSE;
            }
            if (v == Truth.UNKNOWN) {
                t = Truth.UNKNOWN;
            }
        }
        return t;
    }

    private static Truth not(Truth t) {
        return t == Truth.TRUE ? Truth.FALSE : t == Truth.FALSE ? Truth.TRUE : Truth.UNKNOWN;
    }

    /** Liquibase's {@code DatabaseList.definitionMatches}: a list of short names, {@code !name}, all, none. */
    private static Truth dbms(Precondition.Dbms d, Dialect dialect) {
        if (dialect == Dialect.GENERIC) {
            return Truth.UNKNOWN;
        }
        if (d.types().isEmpty()) {
            return Truth.TRUE;
        }
        boolean anyPositive = false;
        for (String raw : d.types()) {
            String type = raw.trim().toLowerCase(Locale.ROOT);
            if (type.equals("all")) {
                return Truth.TRUE;
            }
            if (type.equals("none")) {
                return Truth.FALSE;
            }
            if (type.startsWith("!")) {
                if (Dialect.parse(type.substring(1)).orElse(null) == dialect) {
                    return Truth.FALSE;
                }
            } else {
                anyPositive = true;
                if (Dialect.parse(type).orElse(null) == dialect) {
                    return Truth.TRUE;
                }
            }
        }
        return anyPositive ? Truth.FALSE : Truth.TRUE;
    }

    /** A schema check against the replayed schema; a table no linted migration created is unknown. */
    private static Truth schemaCheck(Check c, SchemaState schema) {
        SchemaObjects objects = schema.objects();
        if (c instanceof Precondition.TableExists t) {
            return tableTruth(t.table(), schema);
        }
        if (c instanceof Precondition.ColumnExists col) {
            Optional<TableState> table = schema.table(col.table());
            if (table.isPresent()) {
                return known(table.get().columns().keySet().stream().anyMatch(k -> k.equalsIgnoreCase(col.column())));
            }
            return objects.everCreatedTable(col.table().name()) ? Truth.FALSE : Truth.UNKNOWN;
        }
        if (c instanceof Precondition.IndexExists i) {
            if (i.name() != null) {
                Optional<SchemaObjects.Index> index = objects.index(i.name());
                if (index.isPresent()) {
                    return i.table() == null || index.get().table() == null
                            || index.get().table().equalsIgnoreCase(i.table().name()) ? Truth.TRUE : Truth.FALSE;
                }
                return objects.everCreatedIndex(i.name()) || (i.table() != null && tableTruth(i.table(), schema) != Truth.UNKNOWN)
                        ? Truth.FALSE : Truth.UNKNOWN;
            }
            if (i.table() != null && !i.columns().isEmpty()) {
                Truth table = tableTruth(i.table(), schema);
                return table != Truth.TRUE ? table : known(objects.hasIndexOn(i.table().name(), i.columns()));
            }
            return Truth.UNKNOWN;
        }
        if (c instanceof Precondition.ForeignKeyExists f) {
            Optional<String> table = objects.constraint(f.name());
            if (table.isPresent()) {
                return f.table() == null || table.get().equalsIgnoreCase(f.table().name()) ? Truth.TRUE : Truth.FALSE;
            }
            return objects.everCreatedConstraint(f.name()) || (f.table() != null && tableTruth(f.table(), schema) != Truth.UNKNOWN)
                    ? Truth.FALSE : Truth.UNKNOWN;
        }
        if (c instanceof Precondition.PrimaryKeyExists p) {
            if (p.table() == null) {
                return Truth.UNKNOWN;
            }
            Truth table = tableTruth(p.table(), schema);
            if (table != Truth.TRUE) {
                return table;
            }
            Optional<String> pk = objects.primaryKey(p.table().name());
            return known(pk.isPresent() && (p.name() == null || pk.get().isEmpty() || pk.get().equalsIgnoreCase(p.name())));
        }
        if (c instanceof Precondition.ViewExists v) {
            return objects.hasView(v.name()) ? Truth.TRUE
                    : objects.everCreatedViewOrSequence(v.name()) ? Truth.FALSE : Truth.UNKNOWN;
        }
        if (c instanceof Precondition.SequenceExists s) {
            return objects.hasSequence(s.name()) ? Truth.TRUE
                    : objects.everCreatedViewOrSequence(s.name()) ? Truth.FALSE : Truth.UNKNOWN;
        }
        return Truth.UNKNOWN;
    }

    private static Truth tableTruth(TableName table, SchemaState schema) {
        if (schema.table(table).isPresent()) {
            return Truth.TRUE;
        }
        return schema.objects().everCreatedTable(table.name()) ? Truth.FALSE : Truth.UNKNOWN;
    }

    private static Truth known(boolean b) {
        return b ? Truth.TRUE : Truth.FALSE;
    }

    private static String describe(Check c, SchemaState schema, boolean changelogLevel) {
        String where = changelogLevel ? " (a changelog precondition, checked before any changeSet runs)" : "";
        if (c instanceof Precondition.Unanswerable u) {
            return u.kind() + (u.detail() == null || u.detail().isBlank() ? "" : " " + shorten(u.detail())) + where;
        }
        if (changelogLevel) {
            return describeCheck(c) + where;
        }
        TableName table = tableOf(c);
        if (table != null && !schema.objects().everCreatedTable(table.name()) && schema.table(table).isEmpty()) {
            return describeCheck(c) + " (no linted migration creates table " + table.name() + ")";
        }
        return describeCheck(c);
    }

    private static TableName tableOf(Check c) {
        if (c instanceof Precondition.TableExists t) {
            return t.table();
        } else if (c instanceof Precondition.ColumnExists col) {
            return col.table();
        } else if (c instanceof Precondition.IndexExists i) {
            return i.table();
        } else if (c instanceof Precondition.ForeignKeyExists f) {
            return f.table();
        } else if (c instanceof Precondition.PrimaryKeyExists p) {
            return p.table();
        }
        return null;
    }

    private static String describeCheck(Check c) {
        if (c instanceof Precondition.TableExists t) {
            return "tableExists " + t.table().name();
        } else if (c instanceof Precondition.ColumnExists col) {
            return "columnExists " + col.table().name() + "." + col.column();
        } else if (c instanceof Precondition.IndexExists i) {
            return "indexExists " + (i.name() != null ? i.name() : "")
                    + (i.table() != null ? " on " + i.table().name() : "")
                    + (i.columns().isEmpty() ? "" : " (" + String.join(", ", i.columns()) + ")");
        } else if (c instanceof Precondition.ForeignKeyExists f) {
            return "foreignKeyConstraintExists " + f.name();
        } else if (c instanceof Precondition.PrimaryKeyExists p) {
            return "primaryKeyExists " + (p.name() != null ? p.name() + " " : "") + "on " + p.table();
        } else if (c instanceof Precondition.ViewExists v) {
            return "viewExists " + v.name();
        } else if (c instanceof Precondition.SequenceExists s) {
            return "sequenceExists " + s.name();
        } else if (c instanceof Precondition.Dbms d) {
            return "dbms " + String.join(",", new java.util.TreeSet<>(d.types())) + " (no database named: --dialect generic)";
        }
        return c.getClass().getSimpleName();
    }

    private static String shorten(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
