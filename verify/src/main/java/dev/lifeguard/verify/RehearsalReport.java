package dev.lifeguard.verify;

import dev.lifeguard.rules.Finding;

import java.util.List;

/**
 * What a rehearsal found and did.
 *
 * @param database   the database it ran on ("embedded PostgreSQL 15.18 on 127.0.0.1:41234"), or null when
 *                   nothing needed one
 * @param findings   the findings (not yet fingerprinted or matched to suppressions)
 * @param rows       one per migration of the change, in order
 * @param notes      what the user should know that is not a finding (histories skipped, seed counts)
 * @param rehearsed  migrations of the change that were applied and measured
 * @param millis     the whole rehearsal's wall time
 * @param phases     where the time went, in milliseconds per phase ("start the database", "apply the history
 *                   before the change", "fill the tables", "rehearse the change"), in order
 */
public record RehearsalReport(String database, List<Finding> findings, List<MigrationRow> rows, List<String> notes,
                              int rehearsed, long millis, java.util.Map<String, Long> phases) {

    public RehearsalReport {
        findings = List.copyOf(findings);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        phases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phases));
    }
}
