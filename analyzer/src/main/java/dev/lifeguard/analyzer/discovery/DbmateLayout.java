package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.discovery.PlannedMigration.PlannedReverse;
import dev.lifeguard.analyzer.discovery.PlannedMigration.Region;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Reverse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbmate: one file per migration, {@code <version>_<name>.sql}, with a {@code -- migrate:up} section
 * (the migration) and an optional {@code -- migrate:down} section (its reverse, in the same file).
 * {@code transaction:false} on the up line runs it outside the transaction dbmate otherwise opens.
 */
final class DbmateLayout implements Layout {
    private static final Pattern UP = Pattern.compile("(?m)^--\\s*migrate:up\\b(.*)$");
    private static final Pattern DOWN = Pattern.compile("(?m)^--\\s*migrate:down\\b(.*)$");
    private static final Pattern NAME = Pattern.compile("(\\d+)_?(.*)\\.sql");
    private static final Pattern NO_TRANSACTION = Pattern.compile("\\btransaction\\s*:\\s*false\\b");

    /** The regions of a dbmate file: the up section, the down section (null when absent), the up line's options. */
    record Sections(Region up, Region down, String upOptions) {
    }

    static Optional<Sections> sections(String text) {
        if (!text.contains("migrate:up")) {
            return Optional.empty(); // the marker's words, looked for before the pattern runs over every SQL file
        }
        Matcher up = UP.matcher(text);
        if (!up.find()) {
            return Optional.empty();
        }
        Matcher down = DOWN.matcher(text);
        boolean hasDown = down.find(up.end());
        int upStart = lineAfter(text, up.end());
        int upEnd = hasDown ? down.start() : text.length();
        Region downRegion = hasDown ? new Region(lineAfter(text, down.end()), text.length()) : null;
        return Optional.of(new Sections(new Region(upStart, upEnd), downRegion, up.group(1)));
    }

    private static int lineAfter(String text, int markerEnd) {
        int newline = text.indexOf('\n', markerEnd);
        return newline < 0 ? text.length() : newline + 1;
    }

    @Override
    public Framework framework() {
        return Framework.DBMATE;
    }

    @Override
    public boolean claims(Path file, MigrationFiles files) {
        return files.probe(file, DbmateLayout::sections).flatMap(sections -> sections).isPresent();
    }

    @Override
    public PlannedHistory plan(Path directory, List<Path> given, Context context) {
        List<PlannedMigration> planned = new ArrayList<>();
        for (Path file : given) {
            Optional<Optional<Sections>> read = context.files().probe(file, DbmateLayout::sections);
            if (read.isEmpty()) {
                continue; // the reader has recorded why
            }
            Optional<Sections> sections = read.get();
            if (sections.isEmpty()) {
                context.problem(file, "no '-- migrate:up' section: dbmate rejects this file");
                continue;
            }
            Sections s = sections.get();
            Matcher name = NAME.matcher(MigrationFiles.nameOf(file));
            String rawVersion = name.matches() ? name.group(1) : null;
            String description = name.matches() ? name.group(2) : MigrationFiles.nameOf(file);
            PlannedReverse reverse = s.down() == null ? PlannedReverse.NONE
                    : new PlannedReverse(Reverse.Kind.ROLLBACK_BLOCK, file, s.down());
            TransactionMode transaction = NO_TRANSACTION.matcher(s.upOptions()).find()
                    ? TransactionMode.NO_TRANSACTION : TransactionMode.TRANSACTION;
            planned.add(new PlannedMigration(rawVersion != null ? rawVersion : MigrationFiles.nameOf(file),
                    rawVersion != null ? Versions.canonical(rawVersion) : null, description,
                    Migration.Kind.VERSIONED, file, s.up(), transaction, reverse));
        }
        planned.sort(Comparator.comparing((PlannedMigration m) -> m.version() == null ? "0" : m.version(), Versions.ORDER)
                .thenComparing(m -> m.file().toString()));
        return new PlannedHistory(directory, Framework.DBMATE, planned);
    }
}
