package dev.lifeguard.rules.reversibility;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.timeline.SchemaState;
import dev.lifeguard.analyzer.timeline.TableState;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.ProjectContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A reverse script runs on the schema its migration left (or that a rollback of the later ones leaves). This
 * rule replays the history, then the reverse statement by statement, and reports a drop or rename of
 * something that is not there at that moment, where the history proves it: a table, index or constraint the
 * history created and then dropped (or renamed away), a column missing from a table whose every column the
 * history knows. Objects the migrations never mention (made outside them) are never judged.
 */
@RuleInfo(
        id = "reverse-missing-object",
        summary = "A reverse script drops or renames something the schema does not have when it runs, so the rollback fails",
        severity = Severity.WARNING,
        tags = {"reversibility"},
        help = "Make the reverse undo exactly what its migration did, in reverse order: drop what it created, re-create what it dropped")
public final class ReverseMissingObjectRule implements Rule {

    /**
     * Each reverse is run twice in the model: right after its own migration (a deploy that fails at the next
     * one), and in a full rollback from the newest migration down, after the reverses of every later one.
     * Only a statement that fails both ways is reported: projects whose reverse scripts undo a group of
     * migrations together (a down file undoing its neighbour's up) roll back cleanly as a group. The full
     * rollback restarts from the exact schema wherever a later migration has no reverse script (rolled back
     * automatically by Liquibase, or not at all).
     */
    @Override
    public void visitProject(ProjectContext ctx) {
        for (History history : ctx.project().histories()) {
            List<Migration> migrations = history.migrations().stream()
                    .filter(m -> m.appliesTo(history.dialect())).toList();
            if (migrations.stream().allMatch(m -> m.reverse().operations().isEmpty())) {
                continue; // no reverse statement to run: nothing can fail (and no schema per migration to keep)
            }
            int n = migrations.size();
            // Which schemas the rollback restarts from (the one before a migration rolled back without a script),
            // kept only where a reverse script below it will run on it: a copy per migration would make the
            // rule quadratic in the history's length.
            boolean[] restartFrom = new boolean[n];
            boolean scriptBelow = false;
            for (int i = 0; i < n; i++) {
                Reverse reverse = migrations.get(i).reverse();
                if (!reverse.operations().isEmpty()) {
                    scriptBelow = true;
                } else if (!isScript(reverse) && i > 0) {
                    restartFrom[i - 1] = scriptBelow;
                    scriptBelow = false;
                }
            }
            // Forward: each reverse script run right after its own migration, on a throwaway copy.
            List<List<String>> alone = new ArrayList<>(n);
            Map<Integer, SchemaState> restartState = new HashMap<>();
            Map<Integer, Known> restartKnown = new HashMap<>();
            SchemaState state = new SchemaState();
            Known known = new Known(history.dialect().isMySqlFamily());
            for (int i = 0; i < n; i++) {
                Migration m = migrations.get(i);
                for (Operation op : m.operations()) {
                    state.apply(m, op);
                    known.apply(op);
                }
                alone.add(m.reverse().operations().isEmpty() ? List.of() : runAlone(m, state.copy(), known.copy()));
                if (restartFrom[i]) {
                    restartState.put(i, state.copy());
                    restartKnown.put(i, known.copy());
                }
            }
            // Backward: the full rollback from the newest migration down; a statement is reported when it fails
            // both ways.
            SchemaState chain = state;
            Known chainKnown = known;
            for (int i = n - 1; i >= 0; i--) {
                Migration m = migrations.get(i);
                List<Operation> reverse = m.reverse().operations();
                if (reverse.isEmpty() && isScript(m.reverse())) {
                    continue; // an empty reverse script: it runs, and changes nothing
                }
                if (reverse.isEmpty()) {
                    if (i == 0) {
                        break;
                    }
                    // rolled back automatically (Liquibase derives the exact inverse), or not at all: a rollback
                    // that reaches the migrations before it starts from the schema they left
                    // (not kept where no reverse script runs on it before the next restart)
                    chain = restartState.remove(i - 1);
                    chainKnown = restartKnown.remove(i - 1);
                    continue;
                }
                List<String> aloneFails = alone.get(i);
                for (int k = 0; k < reverse.size(); k++) {
                    Operation op = reverse.get(k);
                    String right = aloneFails.get(k);
                    if (right != null && missing(op, chain, chainKnown).isPresent()) {
                        ctx.report(op.span(), "the reverse of " + m.id() + " " + right + " when it runs,"
                                + " right after " + m.id() + " or in a rollback from the newest migration: it fails"
                                + " there and leaves the rest of the reverse undone", null, null, List.of());
                    }
                    chain.apply(m, op);
                    chainKnown.apply(op);
                }
            }
        }
    }

    private static boolean isScript(Reverse reverse) {
        return reverse.kind() == Reverse.Kind.SCRIPT || reverse.kind() == Reverse.Kind.ROLLBACK_BLOCK;
    }

    /** What each statement of the migration's reverse finds missing when run right after it (null: nothing). */
    private static List<String> runAlone(Migration m, SchemaState alone, Known aloneKnown) {
        List<String> fails = new ArrayList<>();
        for (Operation op : m.reverse().operations()) {
            fails.add(missing(op, alone, aloneKnown).orElse(null));
            alone.apply(m, op);
            aloneKnown.apply(op);
        }
        return fails;
    }

    private static Optional<String> missing(Operation op, SchemaState state, Known known) {
        TableName altered = alteredTable(op);
        if (altered != null && state.table(altered).isEmpty() && known.createdTables.contains(altered.name())
                && !known.unsure(altered)) {
            return Optional.of("changes table " + altered + ", which the migrations created but which no longer"
                    + " exists");
        }
        if (op instanceof Operation.DropTable d && !d.ifExists()) {
            for (TableName t : d.tables()) {
                if (state.table(t).isEmpty() && known.createdTables.contains(t.name()) && !known.unsure(t)) {
                    return Optional.of("drops table " + t + ", which the migrations created but which no longer"
                            + " exists");
                }
            }
        } else if (op instanceof Operation.DropColumn d && !d.ifExists()) {
            return absentColumn(state, known, d.table(), d.column()).map(t -> "drops column " + d.table() + "."
                    + d.column() + ", which " + t + " does not have");
        } else if (op instanceof Operation.RenameColumn r) {
            return absentColumn(state, known, r.table(), r.from()).map(t -> "renames column " + r.table() + "."
                    + r.from() + ", which " + t + " does not have");
        } else if (op instanceof Operation.RenameTable r) {
            if (state.table(r.from()).isEmpty() && known.createdTables.contains(r.from().name())
                    && !known.unsure(r.from())) {
                return Optional.of("renames table " + r.from() + ", which the migrations created but which no"
                        + " longer exists");
            }
        } else if (op instanceof Operation.DropIndex d && !d.ifExists()) {
            if (Boolean.FALSE.equals(known.indexes.get(known.key(d.name(), d.table()))) && !known.unparsed) {
                return Optional.of("drops index " + d.name() + ", which the migrations created and then dropped");
            }
        } else if (op instanceof Operation.DropConstraint d && !d.ifExists() && d.name() != null
                && !d.name().equals("primary")) {
            if (Boolean.FALSE.equals(known.constraints.get(known.key(d.name(), d.table()))) && !known.unparsed) {
                return Optional.of("drops constraint " + d.name() + ", which the migrations created and then"
                        + " dropped");
            }
        }
        return Optional.empty();
    }

    /** The existing table an ALTER TABLE clause needs; null for other statements. */
    private static TableName alteredTable(Operation op) {
        if (op instanceof Operation.AddColumn a) {
            return a.table();
        } else if (op instanceof Operation.DropColumn d) {
            return d.ifExists() ? null : d.table();
        } else if (op instanceof Operation.RenameColumn r) {
            return r.table();
        } else if (op instanceof Operation.AlterColumnType t) {
            return t.table();
        } else if (op instanceof Operation.SetNotNull s) {
            return s.table();
        } else if (op instanceof Operation.DropNotNull d) {
            return d.table();
        } else if (op instanceof Operation.SetDefault s) {
            return s.table();
        } else if (op instanceof Operation.DropDefault d) {
            return d.table();
        } else if (op instanceof Operation.AddConstraint a) {
            return a.table();
        }
        return null;
    }

    /** The table, described, when it exists, all its columns are known, and the column is not among them. */
    private static Optional<String> absentColumn(SchemaState state, Known known, TableName table, String column) {
        Optional<TableState> t = state.table(table);
        if (t.isEmpty() || !known.completeTables.contains(table.name()) || known.unsure(table)
                || t.get().column(column).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("table " + table + " (as the migrations before it leave it)");
    }

    /** What the history proves about names, beyond the schema state: what it created and dropped. */
    private static final class Known {
        /** Tables some migration created, by name. */
        final Set<String> createdTables = new HashSet<>();
        /** Tables created with their column list, whose every column the history therefore knows. */
        final Set<String> completeTables = new HashSet<>();
        /** Tables some statement changed in a way not modelled (an Other DDL naming them). */
        final Set<String> touchedOtherwise = new HashSet<>();
        /** Index / constraint name to whether it exists now. */
        final Map<String, Boolean> indexes = new HashMap<>();
        final Map<String, Boolean> constraints = new HashMap<>();
        /** Which table each index and constraint belongs to, so that dropping the table drops them. */
        final Map<String, String> owner = new HashMap<>();
        /** A statement nobody could read: it may have made anything, so no name is judged. */
        boolean unparsed;
        /** MySQL / MariaDB name indexes per table; PostgreSQL per schema. */
        final boolean perTable;

        Known(boolean perTable) {
            this.perTable = perTable;
        }

        /** The key of an index or constraint name: with its table where names are per table. */
        String key(String name, TableName table) {
            return perTable && table != null ? table.name() + "." + name : name;
        }

        Known copy() {
            Known k = new Known(perTable);
            k.createdTables.addAll(createdTables);
            k.completeTables.addAll(completeTables);
            k.touchedOtherwise.addAll(touchedOtherwise);
            k.indexes.putAll(indexes);
            k.constraints.putAll(constraints);
            k.owner.putAll(owner);
            k.unparsed = unparsed;
            return k;
        }

        boolean unsure(TableName t) {
            return unparsed || touchedOtherwise.contains(t.name());
        }

        void apply(Operation op) {
            if (op instanceof Operation.CreateTable c) {
                createdTables.add(c.table().name());
                if (!c.asSelect() && !c.columns().isEmpty()) {
                    completeTables.add(c.table().name());
                } else {
                    completeTables.remove(c.table().name());
                }
                for (ConstraintDef k : c.constraints()) {
                    if (k.name() != null) {
                        constraints.put(key(k.name(), c.table()), true);
                        owner.put(key(k.name(), c.table()), c.table().name());
                    }
                }
            } else if (op instanceof Operation.DropTable d) {
                for (TableName t : d.tables()) {
                    owner.forEach((name, table) -> {
                        if (table.equals(t.name())) {
                            indexes.computeIfPresent(name, (n, v) -> false);
                            constraints.computeIfPresent(name, (n, v) -> false);
                        }
                    });
                }
            } else if (op instanceof Operation.RenameTable r) {
                createdTables.add(r.to().name());
                if (completeTables.remove(r.from().name())) {
                    completeTables.add(r.to().name());
                }
                owner.replaceAll((name, table) -> table.equals(r.from().name()) ? r.to().name() : table);
            } else if (op instanceof Operation.CreateIndex i && i.name() != null) {
                indexes.put(key(i.name(), i.table()), true);
                owner.put(key(i.name(), i.table()), i.table().name());
            } else if (op instanceof Operation.DropIndex d) {
                indexes.put(key(d.name(), d.table()), false);
            } else if (op instanceof Operation.AddConstraint a && a.constraint().name() != null) {
                constraints.put(key(a.constraint().name(), a.table()), true);
                owner.put(key(a.constraint().name(), a.table()), a.table().name());
            } else if (op instanceof Operation.DropConstraint d && d.name() != null) {
                constraints.put(key(d.name(), d.table()), false);
            } else if (op instanceof Operation.Unparsed) {
                unparsed = true;
            } else if (op instanceof Operation.Other o && o.ddl() && o.table() != null) {
                touchedOtherwise.add(o.table().name());
            }
        }
    }
}
