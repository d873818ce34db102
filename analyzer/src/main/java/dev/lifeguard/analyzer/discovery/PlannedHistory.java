package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.Framework;

import java.nio.file.Path;
import java.util.List;

/** The migrations of one directory in the order its tool applies them, before their SQL is parsed. */
public record PlannedHistory(Path location, Framework framework, List<PlannedMigration> migrations) {
    public PlannedHistory {
        migrations = List.copyOf(migrations);
    }
}
