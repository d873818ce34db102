package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.engine.MigrationContext;

import java.util.List;
import java.util.Locale;

/**
 * Which table an index belongs to. PostgreSQL's DROP INDEX and REINDEX INDEX name only the index, and the
 * timeline does not keep indexes, so the CREATE INDEX that made it is looked up in the history.
 */
final class IndexOwners {
    private IndexOwners() {
    }

    /**
     * The table of the index, from the last CREATE INDEX of that name before this point (earlier migrations
     * of the history, then {@code earlierInMigration}); null when the history does not say.
     */
    static TableName tableOf(MigrationContext ctx, String index, List<Operation> earlierInMigration) {
        if (index == null) {
            return null;
        }
        String wanted = lastSegment(index);
        TableName found = null;
        for (Migration m : ctx.history().migrations()) {
            if (m == ctx.migration()) {
                break;
            }
            found = scan(m.operations(), wanted, found);
        }
        return scan(earlierInMigration, wanted, found);
    }

    /**
     * The table a later statement of the migration builds an index of this name on (the drop-and-create-again
     * idiom), for an index the history does not know; null when none does.
     */
    static TableName recreatedOn(String index, List<Operation> laterInMigration) {
        if (index == null) {
            return null;
        }
        String wanted = lastSegment(index);
        for (Operation op : laterInMigration) {
            if (op instanceof Operation.CreateIndex c && c.name() != null && lastSegment(c.name()).equals(wanted)) {
                return c.table();
            }
        }
        return null;
    }

    private static TableName scan(List<Operation> ops, String wanted, TableName found) {
        for (Operation op : ops) {
            if (op instanceof Operation.CreateIndex c && c.name() != null && lastSegment(c.name()).equals(wanted)) {
                found = c.table();
            }
        }
        return found;
    }

    private static String lastSegment(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("\"", "").replace("`", "");
        return n.substring(n.lastIndexOf('.') + 1);
    }
}
