package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.discovery.PlannedMigration.PlannedReverse;
import dev.lifeguard.analyzer.discovery.PlannedMigration.Region;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SQL files that follow no tool's convention, applied in natural name order (2_b.sql before 10_a.sql).
 * Nothing is known about how they are run; like psql -f, a file is in a transaction only when it opens
 * one itself.
 */
final class PlainSqlLayout implements Layout {

    @Override
    public Framework framework() {
        return Framework.PLAIN_SQL;
    }

    @Override
    public boolean claims(Path file, MigrationFiles files) {
        return true;
    }

    @Override
    public PlannedHistory plan(Path directory, List<Path> given, Context context) {
        List<PlannedMigration> planned = new ArrayList<>();
        for (Path file : given) {
            String name = MigrationFiles.nameOf(file);
            String description = name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
            planned.add(new PlannedMigration(name, null, description, Migration.Kind.VERSIONED, file,
                    Region.WHOLE_FILE, TransactionMode.ONLY_IF_BEGIN, PlannedReverse.NONE));
        }
        planned.sort(Comparator.comparing(PlannedMigration::id, Versions.NATURAL));
        return new PlannedHistory(directory, Framework.PLAIN_SQL, planned);
    }
}
