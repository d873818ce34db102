package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.keys.TableKeys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which migrations of a history leave a foreign key without an index: one pass over the history (the rule asks
 * once per migration; replaying the history each time made a 2,000-changeSet history quadratic). A key is
 * followed from the statement that declares it, by that statement and its name, through renames of its table
 * and columns. A migration that declares a key and leaves it without an index, or that drops the last index a
 * key had, is a candidate; the first later migration that indexes the key (or drops it, its columns or its
 * table) is kept with it, so the rule can tell whether that answer ships in the same deploy.
 */
final class UnindexedForeignKeys {

    enum Cause { DECLARED, INDEX_DROPPED }

    /**
     * One finding: where, which key, the table it is on then, and an index holding its columns after others
     * (null when none).
     */
    record Report(Cause cause, SourceSpan span, TableKeys.Key key, TableName child, TableKeys.Key laterColumns,
                  Migration answeredBy) {

        Report answeredBy(Migration m) {
            return new Report(cause, span, key, child, laterColumns, m);
        }
    }

    /** A key's identity through renames: the statement that declared it (by identity) and its name. */
    private static final class KeyId {
        private final Operation declared;
        private final String name;

        KeyId(TableKeys.Key key) {
            this.declared = key.declared();
            this.name = key.name();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyId k && k.declared == declared && k.name.equals(name);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(declared) * 31 + name.hashCode();
        }
    }

    private record Candidate(int position, Report report) {
    }

    private static History lastHistory;
    private static Dialect lastDialect;
    private static UnindexedForeignKeys last;

    private final Map<Migration, List<Report>> reports = new IdentityHashMap<>();

    /** The answer for a history as judged on a database; the last one is kept, the rule asks once per migration. */
    static UnindexedForeignKeys of(History history, Dialect dialect) {
        synchronized (UnindexedForeignKeys.class) {
            if (history == lastHistory && dialect == lastDialect) {
                return last;
            }
        }
        UnindexedForeignKeys computed = new UnindexedForeignKeys(history, dialect);
        synchronized (UnindexedForeignKeys.class) {
            lastHistory = history;
            lastDialect = dialect;
            last = computed;
        }
        return computed;
    }

    List<Report> reportsFor(Migration migration) {
        return reports.getOrDefault(migration, List.of());
    }

    private UnindexedForeignKeys(History history, Dialect dialect) {
        TableKeys keys = TableKeys.empty(dialect);
        Map<KeyId, TreeSet<Integer>> answeredAt = new HashMap<>(); // where an unindexed key got an index or went
        Set<KeyId> unindexedBefore = new HashSet<>();
        List<Candidate> candidates = new ArrayList<>();
        List<Migration> migrations = history.migrations();
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            if (!m.appliesTo(dialect)) {
                continue;
            }
            unindexedBefore = replay(i, m, keys, unindexedBefore, answeredAt, candidates);
        }
        for (Candidate c : candidates) {
            Integer answer = answeredAt.getOrDefault(new KeyId(c.report().key()), new TreeSet<>()).higher(c.position());
            reports.computeIfAbsent(migrations.get(c.position()), m -> new ArrayList<>())
                    .add(c.report().answeredBy(answer == null ? null : migrations.get(answer)));
        }
    }

    /**
     * One migration of the pass: applies it, adds its candidates and where earlier ones were answered, and returns
     * the keys it leaves without an index. A method of its own so that the JIT compiles it early in a long history
     * (as the constructor's loop it ran interpreted until the loop was compiled, late in the run).
     */
    private static Set<KeyId> replay(int i, Migration m, TableKeys keys, Set<KeyId> unindexedBefore,
                                     Map<KeyId, TreeSet<Integer>> answeredAt, List<Candidate> candidates) {
        List<Operation> ops = m.operations();
        List<Candidate> dropped = new ArrayList<>();
        for (int j = 0; j < ops.size(); j++) {
            Operation op = ops.get(j);
            boolean drop = op instanceof Operation.DropIndex || op instanceof Operation.DropConstraint;
            // a DO block or an unreadable statement after the drop may create the replacement: not judged
            List<TableKeys.Placed> covered = drop && !opaqueAfter(ops, j) ? indexed(keys) : List.of();
            keys.apply(op);
            for (TableKeys.Placed p : covered) {
                if (!keys.leadsWith(p.table(), p.key().columns())) {
                    dropped.add(new Candidate(i, new Report(Cause.INDEX_DROPPED, op.span(), p.key(), p.table(), null, null)));
                }
            }
        }
        Set<Operation> here = Collections.newSetFromMap(new IdentityHashMap<>());
        here.addAll(ops);
        Set<KeyId> unindexedNow = new HashSet<>();
        for (TableKeys.Placed p : keys.placedForeignKeys()) {
            TableKeys.Key k = p.key();
            TableName child = p.table();
            if (k.columns().isEmpty() || keys.leadsWith(child, k.columns())) {
                continue;
            }
            unindexedNow.add(new KeyId(k));
            if (here.contains(k.declared())) {
                candidates.add(new Candidate(i, new Report(Cause.DECLARED, k.declared().span(), k, child,
                        keys.containing(child, k.columns()), null)));
            }
        }
        for (Candidate c : dropped) {
            if (unindexedNow.contains(new KeyId(c.report().key()))) {
                TableKeys.Key k = c.report().key();
                candidates.add(new Candidate(i, new Report(Cause.INDEX_DROPPED, c.report().span(), k,
                        c.report().child(), keys.containing(c.report().child(), k.columns()), null)));
            }
        }
        for (KeyId id : unindexedBefore) {
            if (!unindexedNow.contains(id)) {
                answeredAt.computeIfAbsent(id, x -> new TreeSet<>()).add(i);
            }
        }
        return unindexedNow;
    }

    private static boolean opaqueAfter(List<Operation> ops, int j) {
        return ops.subList(j + 1, ops.size()).stream().anyMatch(o -> o instanceof Operation.Unparsed
                || o instanceof Operation.Other other && Objects.equals(other.kind(), "DO"));
    }

    /** The foreign keys that have an index leading with their columns. */
    private static List<TableKeys.Placed> indexed(TableKeys keys) {
        List<TableKeys.Placed> out = new ArrayList<>();
        for (TableKeys.Placed p : keys.placedForeignKeys()) {
            if (keys.leadsWith(p.table(), p.key().columns())) {
                out.add(p);
            }
        }
        return out;
    }
}
