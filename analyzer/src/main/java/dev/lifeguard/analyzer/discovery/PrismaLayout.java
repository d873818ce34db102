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
 * Prisma Migrate: {@code migrations/<timestamp>_<name>/migration.sql}, applied in directory-name order,
 * each in a transaction; Prisma has no down migrations.
 */
final class PrismaLayout implements Layout {

    @Override
    public Framework framework() {
        return Framework.PRISMA;
    }

    @Override
    public boolean claims(Path file, MigrationFiles files) {
        return MigrationFiles.nameOf(file).equals("migration.sql") && file.getParent() != null;
    }

    @Override
    public PlannedHistory plan(Path directory, List<Path> given, Context context) {
        List<PlannedMigration> planned = new ArrayList<>();
        for (Path file : given) {
            String name = MigrationFiles.parentOf(file).getFileName().toString();
            int underscore = name.indexOf('_');
            String description = underscore < 0 ? name : name.substring(underscore + 1);
            planned.add(new PlannedMigration(name, null, description, Migration.Kind.VERSIONED, file,
                    Region.WHOLE_FILE, TransactionMode.TRANSACTION, PlannedReverse.NONE));
        }
        planned.sort(Comparator.comparing(PlannedMigration::id));
        return new PlannedHistory(directory, Framework.PRISMA, planned);
    }
}
