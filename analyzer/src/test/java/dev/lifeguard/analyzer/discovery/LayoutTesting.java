package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.Dialect;

import java.nio.file.Path;
import java.util.List;

/** Shortcuts for planning in-memory files in layout tests. */
final class LayoutTesting {
    private LayoutTesting() {
    }

    static LayoutDetector.Plan plan(InMemoryFiles files) {
        List<Path> sql = files.all().stream().filter(p -> p.toString().endsWith(".sql")).toList();
        return plan(files, sql, Dialect.POSTGRESQL);
    }

    static LayoutDetector.Plan plan(InMemoryFiles files, List<Path> given, Dialect dialect) {
        return new LayoutDetector().plan(given, files, dialect);
    }

    static PlannedHistory only(LayoutDetector.Plan plan) {
        if (plan.histories().size() != 1) {
            throw new AssertionError("expected one history, got " + plan.histories());
        }
        return plan.histories().get(0);
    }

    static List<String> ids(PlannedHistory history) {
        return history.migrations().stream().map(PlannedMigration::id).toList();
    }

    static List<String> files(PlannedHistory history) {
        return history.migrations().stream().map(m -> m.file().getFileName().toString()).toList();
    }

    static String reverseName(PlannedMigration migration) {
        return migration.reverse().file() == null ? null : migration.reverse().file().getFileName().toString();
    }
}
