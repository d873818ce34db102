package dev.lifeguard.verify;

import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.postgres.PgLockMode;
import dev.lifeguard.rules.rehearsal.BlocksReadsRule;
import dev.lifeguard.rules.rehearsal.BlocksWritesRule;
import dev.lifeguard.rules.rehearsal.FailsOnExistingDataRule;
import dev.lifeguard.rules.rehearsal.MigrationFailsRule;
import dev.lifeguard.rules.rehearsal.RewritesTableRule;
import dev.lifeguard.verify.postgres.Observation;
import dev.lifeguard.verify.postgres.TableRef;
import dev.lifeguard.verify.run.MigrationFailure;
import dev.lifeguard.verify.run.ObservedStatement;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns what one migration's statements did into findings. A lock that makes the application wait matters when
 * it is held while rows are worked through (a scan, a rewrite, an index build, rows updated), by the statement or
 * by a later one of the same transaction: then the wait grows with the table. A lock held only for a catalog
 * change is brief (lint's missing-lock-timeout covers its queueing) and only shows in the rehearsal table.
 */
final class Judgement {
    private Judgement() {
    }

    /** An integrity or data error (SQLSTATE classes 23 and 22): the rows made it fail. */
    static boolean isDataFailure(MigrationFailure f) {
        return f.sqlState() != null && (f.sqlState().startsWith("22") || f.sqlState().startsWith("23"));
    }

    static void failure(RehearsalFindings out, MigrationFailure f, long rowsInTables) {
        String detail = detail(f.getCause());
        String state = f.sqlState() == null ? "" : " (SQLSTATE " + f.sqlState() + ")";
        if (isDataFailure(f)) {
            out.add(new FailsOnExistingDataRule(), f.span(), "fails on the rows already in the table: " + f.getMessage()
                    + state + detail + "; rehearsed with " + rowsInTables + " synthetic rows in the tables it touches"
                    + " (--seed FILE.sql to use your own)");
        } else {
            out.add(new MigrationFailsRule(), f.span(), "the database refused it: " + f.getMessage() + state + detail);
        }
    }

    private static String detail(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                ServerErrorMessage m = p.getServerErrorMessage();
                return m.getDetail() == null ? "" : " (" + m.getDetail().strip().replaceAll("\\.$", "") + ")";
            }
        }
        return "";
    }

    static void statements(RehearsalFindings out, List<ObservedStatement> statements) {
        for (int i = 0; i < statements.size(); i++) {
            ObservedStatement s = statements.get(i);
            Observation o = s.observation();
            if (o.failed()) {
                continue;
            }
            for (TableRef t : o.rewritten()) {
                if (o.online(t)) {
                    continue; // rebuilt while reads and writes went on (MariaDB in place): the table shows it
                }
                // MariaDB: InnoDB copied the rows into a new table (its table id changed); PostgreSQL: a new relfilenode
                String copy = o.lockNames().containsKey(t) ? ": a new InnoDB table with all its " : ": a new file with all its ";
                out.add(new RewritesTableRule(), s.span(), what(s) + " rewrote " + t.display() + copy
                        + t.rows() + " rows, and every index rebuilt, under " + (o.locks().containsKey(t) ? o.lockName(t) : PgLockMode.ACCESS_EXCLUSIVE.sqlName())
                        + waits(o, t) + "; " + millis(o.nanos()) + " with " + t.rows() + " rows, growing with the table");
            }
            Set<TableRef> blocked = new LinkedHashSet<>(o.readsWait());
            blocked.addAll(o.writesWait());
            for (TableRef t : blocked) {
                if (o.rewritten().contains(t)) {
                    continue;
                }
                List<String> work = new ArrayList<>();
                long nanos = 0;
                int last = s.inTransaction() ? lastInTransaction(statements, i) : i;
                long held = 0;
                for (int k = i; k <= last; k++) {
                    ObservedStatement w = statements.get(k);
                    held += w.observation().nanos();
                    if (!w.observation().failed() && w.observation().didDataWork()) {
                        work.add(workOf(w, k == i));
                        nanos = held;
                    }
                }
                if (work.isEmpty()) {
                    continue; // brief: a catalog change
                }
                boolean reads = o.readsWait().contains(t);
                String message = what(s) + " " + (o.queued() ? "queued for " : "held ") + o.lockName(t)
                        + " on " + t.display() + waits(o, t) + (last > i ? " until its transaction ended" : "") + "; meanwhile "
                        + String.join(", ", work) + ": " + millis(nanos) + " with " + t.rows() + " rows, growing with the table";
                out.add(reads ? new BlocksReadsRule() : new BlocksWritesRule(), s.span(), message);
            }
        }
    }

    private static int lastInTransaction(List<ObservedStatement> statements, int from) {
        int last = from;
        for (int k = from + 1; k < statements.size() && statements.get(k).inTransaction(); k++) {
            last = k;
        }
        return last;
    }

    private static String waits(Observation o, TableRef t) {
        boolean r = o.readsWait().contains(t);
        boolean w = o.writesWait().contains(t);
        if (r && w) {
            return " (a concurrent SELECT and INSERT waited)";
        }
        if (r) {
            return " (a concurrent SELECT waited)";
        }
        if (w) {
            return " (a concurrent INSERT waited; SELECT did not)";
        }
        return "";
    }

    private static String workOf(ObservedStatement w, boolean itself) {
        Observation o = w.observation();
        String who = itself ? "it" : "line " + w.span().startLine();
        List<String> parts = new ArrayList<>();
        o.rewritten().forEach(t -> parts.add("rewrote " + t.display()));
        o.indexBuilt().forEach(t -> parts.add("built an index reading every row of " + t.display()));
        o.scanned().forEach(t -> parts.add("read every row of " + t.display()));
        o.rowsWritten().forEach((t, n) -> parts.add("changed " + n + " rows of " + t.display()));
        return who + " " + String.join(" and ", new TreeSet<>(parts));
    }

    /** "ALTER TABLE orders ..." : the statement's first words, for messages. */
    static String what(ObservedStatement s) {
        String words = s.sql().replaceAll("(?s)--[^\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("\\s+", " ").strip();
        String[] w = words.split(" ");
        int n = Math.min(w.length, w.length > 0 && w[0].equalsIgnoreCase("CREATE") ? 5 : 3);
        String head = String.join(" ", java.util.Arrays.copyOf(w, n));
        return head + (w.length > n ? " ..." : "");
    }

    static String millis(long nanos) {
        double ms = nanos / 1_000_000.0;
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    /** "ACCESS EXCLUSIVE orders (brief)" for the rehearsal table. */
    static List<String> locks(List<ObservedStatement> statements) {
        List<String> out = new ArrayList<>();
        java.util.Map<TableRef, PgLockMode> strongest = new java.util.LinkedHashMap<>();
        java.util.Map<TableRef, String> names = new java.util.HashMap<>();
        java.util.Set<TableRef> online = new java.util.HashSet<>();
        java.util.Set<TableRef> worked = new java.util.HashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            ObservedStatement s = statements.get(i);
            s.observation().locks().forEach((t, m) -> {
                if (!strongest.containsKey(t) || m.atLeast(strongest.get(t)) && m != strongest.get(t)) {
                    names.put(t, s.observation().lockName(t));
                }
                strongest.merge(t, m, (a, b) -> a.atLeast(b) ? a : b);
                if (s.observation().online(t) && s.observation().workedThrough(t)) {
                    online.add(t);
                }
            });
            int last = s.inTransaction() ? lastInTransaction(statements, i) : i;
            boolean work = statements.subList(i, last + 1).stream()
                    .anyMatch(w -> !w.observation().failed() && w.observation().didDataWork());
            if (work) {
                worked.addAll(s.observation().locks().keySet());
            }
        }
        strongest.forEach((t, m) -> {
            if (m != PgLockMode.NONE || names.containsKey(t) && !names.get(t).equals(m.sqlName())) {
                out.add(names.getOrDefault(t, m.sqlName()) + " " + t.display()
                        + (online.contains(t) ? " (online)" : worked.contains(t) ? "" : " (brief)"));
            }
        });
        return out;
    }

    static SourceSpan first(List<ObservedStatement> statements, SourceSpan otherwise) {
        return statements.isEmpty() ? otherwise : statements.get(0).span();
    }
}
