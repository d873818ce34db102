package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.discovery.PlannedMigration.PlannedReverse;
import dev.lifeguard.analyzer.discovery.PlannedMigration.Region;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * diesel: one directory per migration ({@code 2024-01-02-030405_create_users/up.sql} and
 * {@code down.sql}); the directory holding those is the history. {@code metadata.toml} with
 * {@code run_in_transaction = false} runs the migration outside diesel's transaction.
 */
final class DieselLayout implements Layout {
    private static final Pattern NO_TRANSACTION =
            Pattern.compile("(?m)^\\s*run_in_transaction\\s*=\\s*false\\s*(#.*)?$");

    @Override
    public Framework framework() {
        return Framework.DIESEL;
    }

    @Override
    public boolean claims(Path file, MigrationFiles files) {
        String name = MigrationFiles.nameOf(file);
        return (name.equals("up.sql") || name.equals("down.sql")) && file.getParent() != null;
    }

    @Override
    public PlannedHistory plan(Path directory, List<Path> given, Context context) {
        MigrationFiles files = context.files();
        Set<Path> migrationDirs = new LinkedHashSet<>();
        for (Path file : given) {
            migrationDirs.add(MigrationFiles.parentOf(file));
        }
        List<PlannedMigration> planned = new ArrayList<>();
        for (Path dir : migrationDirs) {
            Path up = dir.resolve("up.sql");
            if (!files.exists(up)) {
                context.problem(dir.resolve("down.sql"), "diesel migration " + dir.getFileName() + " has no up.sql");
                continue;
            }
            Path down = dir.resolve("down.sql");
            PlannedReverse reverse = files.exists(down) ? PlannedReverse.script(down) : PlannedReverse.NONE;
            String name = dir.getFileName().toString();
            int underscore = name.indexOf('_');
            String version = (underscore < 0 ? name : name.substring(0, underscore)).replaceAll("\\D", "");
            String description = underscore < 0 ? name : name.substring(underscore + 1);
            planned.add(new PlannedMigration(name, version.isEmpty() ? null : Versions.canonical(version),
                    description, Migration.Kind.VERSIONED, up, Region.WHOLE_FILE, transaction(dir, files), reverse));
        }
        planned.sort(Comparator.comparing(PlannedMigration::id, Versions.NATURAL));
        return new PlannedHistory(directory, Framework.DIESEL, planned);
    }

    private static TransactionMode transaction(Path dir, MigrationFiles files) {
        Path metadata = dir.resolve("metadata.toml");
        boolean off = files.exists(metadata)
                && files.read(metadata).map(m -> NO_TRANSACTION.matcher(m.text()).find()).orElse(false);
        return off ? TransactionMode.NO_TRANSACTION : TransactionMode.TRANSACTION;
    }
}
