package dev.lifeguard.analyzer.timeline;

import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What an application sees of one migration: a migration that runs in a transaction is seen only before it
 * starts and after it commits, so compatibility is judged on that net change, table by table and column by
 * column, with identity tracked through renames. A name dropped or renamed away that exists again at commit
 * is not gone; a name that now holds a new, empty column is still a hazard (its data is not there); a new
 * column or table filled from the old one and given its name (a swap through a copy, a table rebuilt) is the
 * type change it amounts to.
 *
 * <p>A migration that does not run in a transaction exposes every statement; its locks are judged statement
 * by statement elsewhere, and the window between its statements is {@code non-atomic-migration}'s matter:
 * what is gone at its end is still what its net effect says.
 *
 * <p>Tables and columns no migration read created are presumed to exist when a migration drops, renames or
 * alters them (production has them); what else they hold is not known, so nothing is said about it.
 */
public final class NetEffect {
    /** A migration that drops, renames and retypes nothing. */
    public static final NetEffect NONE = new NetEffect(List.of());

    private final List<NetChange> changes;

    private NetEffect(List<NetChange> changes) {
        this.changes = List.copyOf(changes);
    }

    /** Every net change, in operation order. */
    public List<NetChange> changes() {
        return changes;
    }

    /** The net changes to report at operation {@code index} of the migration. */
    public List<NetChange> at(int index) {
        return changes.stream().filter(c -> c.at() == index).toList();
    }

    /**
     * The net effect of {@code migration} on {@code before} (the schema when it starts; not modified).
     *
     * @param text the text of an operation's statement (to tell which column an UPDATE fills), or null when
     *             it is not known; may be null itself
     */
    public static NetEffect of(SchemaState before, Migration migration, Function<SourceSpan, String> text) {
        if (migration.operations().stream().noneMatch(NetEffect::reshapes)) {
            return NONE;
        }
        return new Replay(before, migration, text == null ? s -> null : text).run();
    }

    /** Operations after which a name may stop holding what it held: only migrations with one are replayed. */
    private static boolean reshapes(Operation op) {
        return op instanceof Operation.DropTable || op instanceof Operation.RenameTable
                || op instanceof Operation.DropColumn || op instanceof Operation.RenameColumn
                || op instanceof Operation.AlterColumnType;
    }

    /** One replay of a migration on a scratch copy of the tables it names. */
    private static final class Replay implements SchemaState.Presumer {
        private final Migration migration;
        private final Function<SourceSpan, String> text;
        private final SchemaState scratch;
        /** The tables before the migration, by identity, as copies (presumed ones join as they are met). */
        private final Map<Object, TableState> before = new LinkedHashMap<>();
        private final Set<Object> beforeColumns = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        /** Per old table or column identity: the operation after which its old name no longer held it. */
        private final Map<Object, Integer> unboundAt = new IdentityHashMap<>();
        private final Map<Object, Integer> retypedAt = new IdentityHashMap<>();
        /** Tables and columns the migration created and filled with existing data. */
        private final Set<Object> filled = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Replay(SchemaState state, Migration migration, Function<SourceSpan, String> text) {
            this.migration = migration;
            this.text = text;
            Set<String> names = new LinkedHashSet<>();
            migration.operations().forEach(op -> named(op).forEach(t -> names.add(t.name())));
            this.scratch = state.scratch(names, this);
            for (TableState t : scratch.tables()) {
                before.put(t.identity(), t.copy());
                t.columns().values().forEach(c -> beforeColumns.add(c.identity()));
            }
        }

        @Override
        public void table(TableState table) {
            before.put(table.identity(), table.copy());
        }

        @Override
        public void column(TableState table, ColumnState column) {
            TableState old = before.get(table.identity());
            if (old != null) {
                old.mutableColumns().putIfAbsent(column.name(), column);
                beforeColumns.add(column.identity());
            }
        }

        NetEffect run() {
            List<Operation> ops = migration.operations();
            for (int i = 0; i < ops.size(); i++) {
                Operation op = ops.get(i);
                fills(op);
                scratch.apply(migration, op);
                if (op instanceof Operation.CreateTable c && c.asSelect()) {
                    scratch.table(c.table()).ifPresent(t -> filled.add(t.identity()));
                }
                if (op instanceof Operation.AlterColumnType a) {
                    String now = a.definition().name() != null ? a.definition().name() : a.column();
                    int index = i;
                    scratch.column(a.table(), now).filter(c -> beforeColumns.contains(c.identity()))
                            .ifPresent(c -> retypedAt.putIfAbsent(c.identity(), index));
                }
                bindings(i);
            }
            return new NetEffect(changes());
        }

        /** Data changes that fill a table or column the migration created with existing data. */
        private void fills(Operation op) {
            if (!(op instanceof Operation.DataChange d) || d.table() == null) {
                return;
            }
            TableState t = scratch.table(d.table()).orElse(null);
            if (t == null) {
                return;
            }
            String sql = text.apply(d.span());
            if (d.kind() == Operation.DataChangeKind.UPDATE) {
                for (ColumnState c : t.columns().values()) {
                    if (!beforeColumns.contains(c.identity()) && (sql == null || mentions(sql, c.name()))) {
                        filled.add(c.identity());
                    }
                }
            } else if (d.kind() != Operation.DataChangeKind.DELETE && !before.containsKey(t.identity())
                    && (sql == null || mentions(sql, "select"))) {
                filled.add(t.identity()); // INSERT ... SELECT into a table made here: the old rows, copied
            }
        }

        /** Records which old names stopped holding their table or column after operation {@code i}. */
        private void bindings(int i) {
            Map<Object, TableState> now = byIdentity();
            for (TableState old : before.values()) {
                TableState cur = now.get(old.identity());
                if (!unboundAt.containsKey(old.identity()) && (cur == null || !cur.name().name().equals(old.name().name()))) {
                    unboundAt.put(old.identity(), i);
                }
                for (ColumnState c : old.columns().values()) {
                    if (unboundAt.containsKey(c.identity())) {
                        continue;
                    }
                    ColumnState curC = cur == null ? null : find(cur, c);
                    if (curC == null || !curC.name().equals(c.name())) {
                        unboundAt.put(c.identity(), i);
                    }
                }
            }
        }

        private List<NetChange> changes() {
            List<NetChange> out = new ArrayList<>();
            Map<Object, TableState> now = byIdentity();
            for (TableState old : before.values()) {
                TableState cur = now.get(old.identity());
                TableState holder = scratch.table(old.name()).orElse(null);
                Integer at = unboundAt.get(old.identity());
                if (cur != null && holder == cur) {
                    columns(old, cur, out);
                } else if (holder != null && isNew(holder) && filled.contains(holder.identity())) {
                    out.add(new NetChange.TableRebuilt(at, old, holder));
                    if (!old.isPresumed()) {
                        rebuilt(old, holder, at, out);
                    }
                } else if (cur != null) {
                    out.add(new NetChange.TableRenamed(at, old, cur.name(), nameNow(holder == null ? null : holder.identity())));
                    columns(old, cur, out);
                } else {
                    out.add(new NetChange.TableDropped(at, old, nameNow(holder == null ? null : holder.identity())));
                }
            }
            out.sort((a, b) -> Integer.compare(a.at(), b.at())); // Comparator.comparingInt links anew at every start-up
            return out;
        }

        /** The columns of a table that is still there (under its name or another). */
        private void columns(TableState old, TableState cur, List<NetChange> out) {
            for (ColumnState c : old.columns().values()) {
                ColumnState curC = find(cur, c);
                ColumnState holder = cur.column(c.name()).orElse(null);
                Integer at = unboundAt.get(c.identity());
                if (curC != null && curC == holder) {
                    Integer retyped = retypedAt.get(c.identity());
                    if (retyped != null) {
                        out.add(new NetChange.ColumnRetyped(retyped, old, c, curC, false));
                    }
                } else if (holder != null && !beforeColumns.contains(holder.identity()) && filled.contains(holder.identity())) {
                    out.add(new NetChange.ColumnRetyped(at, old, c, holder, true));
                } else if (curC != null) {
                    out.add(new NetChange.ColumnRenamed(at, old, c, curC.name(), nameNow(holder == null ? null : holder.identity())));
                } else {
                    out.add(new NetChange.ColumnDropped(at, old, c, nameNow(holder == null ? null : holder.identity()), holder));
                }
            }
        }

        /** A table rebuilt through a copy: its old columns against the new table's, by name. */
        private void rebuilt(TableState old, TableState copy, int at, List<NetChange> out) {
            for (ColumnState c : old.columns().values()) {
                ColumnState holder = copy.column(c.name()).orElse(null);
                if (holder == null) {
                    out.add(new NetChange.ColumnDropped(at, old, c, NetChange.NameNow.NOTHING, null));
                } else {
                    out.add(new NetChange.ColumnRetyped(at, old, c, holder, true));
                }
            }
        }

        private NetChange.NameNow nameNow(Object holder) {
            if (holder == null) {
                return NetChange.NameNow.NOTHING;
            }
            return before.containsKey(holder) || beforeColumns.contains(holder) ? NetChange.NameNow.OTHER
                    : NetChange.NameNow.NEW_EMPTY;
        }

        private boolean isNew(TableState t) {
            return !before.containsKey(t.identity());
        }

        private Map<Object, TableState> byIdentity() {
            Map<Object, TableState> out = new IdentityHashMap<>();
            scratch.tables().forEach(t -> out.put(t.identity(), t));
            return out;
        }

        private static ColumnState find(TableState t, ColumnState c) {
            ColumnState same = t.column(c.name()).orElse(null);
            if (same != null && same.identity() == c.identity()) {
                return same;
            }
            for (ColumnState x : t.columns().values()) {
                if (x.identity() == c.identity()) {
                    return x;
                }
            }
            return null;
        }

        private static boolean mentions(String sql, String word) {
            return Pattern.compile("(?<![\\w$])" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "(?![\\w$])")
                    .matcher(sql.toLowerCase(Locale.ROOT)).find();
        }

        /** The tables an operation names. */
        private static List<TableName> named(Operation op) {
            if (op instanceof Operation.CreateTable c) {
                return List.of(c.table());
            } else if (op instanceof Operation.DropTable d) {
                return d.tables();
            } else if (op instanceof Operation.RenameTable r) {
                return List.of(r.from(), r.to());
            } else if (op instanceof Operation.AddColumn a) {
                return List.of(a.table());
            } else if (op instanceof Operation.DropColumn d) {
                return List.of(d.table());
            } else if (op instanceof Operation.RenameColumn r) {
                return List.of(r.table());
            } else if (op instanceof Operation.AlterColumnType a) {
                return List.of(a.table());
            } else if (op instanceof Operation.SetNotNull s) {
                return List.of(s.table());
            } else if (op instanceof Operation.DropNotNull s) {
                return List.of(s.table());
            } else if (op instanceof Operation.SetDefault s) {
                return List.of(s.table());
            } else if (op instanceof Operation.DropDefault s) {
                return List.of(s.table());
            } else if (op instanceof Operation.DataChange d && d.table() != null) {
                return List.of(d.table());
            }
            return List.of();
        }
    }
}
