package dev.lifeguard.cli.report;

import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.engine.LintResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of one run, as the text summary line and the JSON summary object give them. Suppressed findings
 * and findings in the baseline are counted apart: they never make errors, warnings or notes.
 */
public record Summary(long errors, long warnings, long notes, long files, long migrations, long suppressed,
                      long baselined) {

    public Summary(long errors, long warnings, long notes, long files, long migrations) {
        this(errors, warnings, notes, files, migrations, 0, 0);
    }

    public static Summary of(LintResult result) {
        long errors = 0;
        long warnings = 0;
        long notes = 0;
        long suppressed = 0;
        for (Finding f : result.findings()) {
            if (f.isSuppressed()) {
                suppressed++;
                continue;
            }
            switch (f.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case NOTE -> notes++;
            }
        }
        return new Summary(errors, warnings, notes, result.filesChecked(), result.migrationsChecked(), suppressed,
                result.baselined());
    }

    /** "3 errors, 2 warnings, 1 note in 4 files; 57 migrations checked, 2 suppressed, 5 in baseline". */
    public String line() {
        List<String> counts = new ArrayList<>();
        if (errors > 0) {
            counts.add(plural(errors, "error"));
        }
        if (warnings > 0) {
            counts.add(plural(warnings, "warning"));
        }
        if (notes > 0) {
            counts.add(plural(notes, "note"));
        }
        String found = counts.isEmpty() ? "No problems found" : String.join(", ", counts);
        return found + " in " + plural(files, "file") + "; " + plural(migrations, "migration") + " checked"
                + (suppressed > 0 ? ", " + suppressed + " suppressed" : "")
                + (baselined > 0 ? ", " + baselined + " in baseline" : "");
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
