package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.TableName;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a generated schema snapshot: a changelog that Liquibase's {@code generateChangeLog} wrote from
 * an existing database and that a project applies to an <em>empty</em> database to install its schema
 * (OpenMRS's {@code liquibase-schema-only-2.x.xml}, applied on a fresh install, then the update changelogs
 * above its version). Its changeSets are marked as a baseline: every table it creates is new and empty
 * while the rest of it runs, so building indexes and keys on them is no lock hazard.
 *
 * <p>All of these must hold, so that a changelog teams grow by hand, or one {@code diffChangeLog} wrote
 * against a live database (also "(generated)"), is never taken for one:
 * <ul>
 *   <li>its first changeSet and most of the others are authored {@code ... (generated)}, as
 *       generateChangeLog writes them (maintainers tune a few by hand);</li>
 *   <li>it creates at least one table, and everything else it does builds on tables it created before:
 *       columns, keys, indexes, defaults (a foreign key may reference only such tables); no drop, rename,
 *       type change or data change other than inserted rows. A data snapshot (generateChangeLog of the
 *       data) only inserts rows;</li>
 *   <li>it is the first thing its history runs.</li>
 * </ul>
 */
final class Snapshots {
    private Snapshots() {
    }

    /**
     * Marks the changeSets of one file as a baseline when the file is a generated schema snapshot.
     *
     * @param own  the file's changeSets
     * @param into the history so far (it holds {@code own}); entries are replaced by their baseline copies
     */
    static void markBaseline(List<Migration> own, List<Migration> into) {
        if (own.isEmpty() || into.isEmpty() || into.get(0) != own.get(0) || !isSnapshot(own)) {
            return;
        }
        Set<Migration> mine = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        mine.addAll(own);
        for (int i = 0; i < into.size(); i++) {
            Migration m = into.get(i);
            if (mine.contains(m)) {
                into.set(i, new Migration(m.id(), m.version(), m.description(), m.framework(), m.kind(), m.span(),
                        m.inTransaction(), m.contexts(), m.labels(), m.dbms(), m.runOnChange(), m.operations(),
                        m.reverse(), true, m.preconditions()));
            }
        }
    }

    static boolean isSnapshot(List<Migration> changeSets) {
        Set<String> created = new HashSet<>();
        int generated = 0;
        boolean onlyInserts = true;
        for (Migration m : changeSets) {
            int sep = m.id().lastIndexOf("::");
            String author = sep < 0 ? "" : m.id().substring(sep + 2);
            if (author.trim().toLowerCase(Locale.ROOT).endsWith("(generated)")) {
                generated++;
            }
            for (Operation op : m.operations()) {
                onlyInserts &= op instanceof Operation.DataChange d && d.kind() == Operation.DataChangeKind.INSERT;
                if (!buildsOnCreated(op, created)) {
                    return false;
                }
            }
        }
        // generated, though a maintainer may have tuned a few changeSets of it by hand
        boolean mostlyGenerated = generated * 2 > changeSets.size() && isGenerated(changeSets.get(0));
        return mostlyGenerated && (!created.isEmpty() || onlyInserts);
    }

    private static boolean isGenerated(Migration m) {
        return m.id().trim().toLowerCase(Locale.ROOT).endsWith("(generated)");
    }

    private static boolean buildsOnCreated(Operation op, Set<String> created) {
        if (op instanceof Operation.CreateTable c) {
            for (ConstraintDef k : c.constraints()) {
                if (k.referencedTable() != null && !created.contains(key(k.referencedTable()))
                        && !key(k.referencedTable()).equals(key(c.table()))) {
                    return false;
                }
            }
            created.add(key(c.table()));
            return true;
        }
        if (op instanceof Operation.AddConstraint a) {
            TableName referenced = a.constraint().referencedTable();
            return created.contains(key(a.table())) && (referenced == null || created.contains(key(referenced)));
        }
        TableName table = null;
        if (op instanceof Operation.CreateIndex c) {
            table = c.table();
        } else if (op instanceof Operation.AddColumn a) {
            table = a.table();
        } else if (op instanceof Operation.SetNotNull s) {
            table = s.table();
        } else if (op instanceof Operation.SetDefault s) {
            table = s.table();
        } else if (op instanceof Operation.DropNotNull d) {
            table = d.table();
        } else if (op instanceof Operation.DataChange d && d.kind() == Operation.DataChangeKind.INSERT) {
            return true; // rows a fresh install starts with (or Liquibase's own bookkeeping): no table's shape
        } else if (op instanceof Operation.Other o) {
            // views, sequences, functions, comments a snapshot also writes; not a table's data or shape
            return o.kind() != null && (o.kind().startsWith("CREATE") || o.kind().startsWith("COMMENT")
                    || o.kind().startsWith("ALTER SEQUENCE") || !o.ddl())
                    && (o.table() == null || created.contains(key(o.table())));
        } else if (op instanceof Operation.Unparsed || op instanceof Operation.SessionSetting
                || op instanceof Operation.TransactionControl) {
            return true;
        }
        return table != null && created.contains(key(table));
    }

    private static String key(TableName t) {
        return t.name().toLowerCase(Locale.ROOT);
    }
}
