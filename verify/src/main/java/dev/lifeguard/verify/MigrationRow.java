package dev.lifeguard.verify;

import java.util.List;

/**
 * One line of the rehearsal table: what happened to one migration of the change.
 *
 * @param history   the history's location
 * @param migration the migration's id (Flyway version, changeSet id::author, file name)
 * @param file      its file, relative to the project root
 * @param applied   "ok", "failed", "not rehearsed (...)" or "history failed"
 * @param locks     the locks it held on tables that had rows, e.g. "ACCESS EXCLUSIVE orders (brief)"
 * @param rewrites  tables it rewrote
 * @param millis    how long its statements ran
 * @param rows      rows in the tables it touched when it ran
 * @param reverse   "ok", "failed", "incomplete", "not reapplyable", "none" or "-" (not run)
 */
public record MigrationRow(String history, String migration, String file, String applied, List<String> locks,
                           List<String> rewrites, double millis, long rows, String reverse) {

    public MigrationRow {
        locks = List.copyOf(locks);
        rewrites = List.copyOf(rewrites);
    }

    public static MigrationRow notRehearsed(String history, String migration, String file, String why) {
        return new MigrationRow(history, migration, file, "not rehearsed (" + why + ")", List.of(), List.of(), 0, 0, "-");
    }

    public MigrationRow withReverse(String reverseStatus) {
        return new MigrationRow(history, migration, file, applied, locks, rewrites, millis, rows, reverseStatus);
    }
}
