package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.rules.engine.MigrationContext;

import java.lang.ref.WeakReference;
import java.util.List;

/**
 * Something a rule derives from a history's migrations up to and including the one being visited, replayed once
 * per history: the engine visits a history's migrations in order, so each call goes on from where the previous
 * one stopped instead of replaying the history from its start (which made a rule asking at every migration
 * quadratic in the history's length). Any other order starts afresh. Holds the history weakly.
 */
abstract class HistoryReplay<S> {
    private WeakReference<History> history;
    private Dialect dialect;
    private S state;
    /** Index of the first migration not applied yet. */
    private int next;

    /** The state before any migration. */
    protected abstract S start();

    /** Adds one migration to the state. */
    protected abstract void apply(S state, Migration migration, MigrationContext ctx);

    /** The state after every migration up to and including ctx's (valid until the next call). */
    final synchronized S upTo(MigrationContext ctx) {
        List<Migration> migrations = ctx.history().migrations();
        boolean same = history != null && history.get() == ctx.history() && dialect == ctx.dialect();
        if (same && next > 0 && next <= migrations.size() && migrations.get(next - 1) == ctx.migration()) {
            return state; // another question about the same migration
        }
        int at = same ? indexOf(migrations, ctx.migration(), next) : -1;
        if (at < 0) {
            history = new WeakReference<>(ctx.history());
            dialect = ctx.dialect();
            state = start();
            next = 0;
            at = indexOf(migrations, ctx.migration(), 0);
        }
        int last = at < 0 ? migrations.size() - 1 : at; // not in its own history: all of it, as before
        for (int i = next; i <= last; i++) {
            apply(state, migrations.get(i), ctx);
        }
        next = last + 1;
        if (at < 0) {
            history = null;
        }
        return state;
    }

    private static int indexOf(List<Migration> migrations, Migration migration, int from) {
        for (int i = from; i < migrations.size(); i++) {
            if (migrations.get(i) == migration) {
                return i;
            }
        }
        return -1;
    }
}
