package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.discovery.PlannedMigration.PlannedReverse;
import dev.lifeguard.analyzer.discovery.PlannedMigration.Region;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway: {@code V<version>__<desc>.sql} versioned, {@code U<version>__<desc>.sql} undo (the reverse of
 * the V with the same version, not a forward migration), {@code R__<desc>.sql} repeatable (after all
 * versioned ones, by description), {@code B<version>__<desc>.sql} baseline. A {@code <file>.sql.conf} with
 * {@code executeInTransaction=false} runs the file outside the transaction Flyway otherwise opens for each
 * migration.
 *
 * <p>Flyway applies a baseline migration only to an empty database: the newest one, then the versioned
 * migrations above its version; the versioned migrations at or below it are for databases that already
 * exist. The history keeps them all in version order, a baseline after the versioned migrations of its own
 * version, so the old chain is linted as before and everything above a baseline is judged against the
 * schema it creates (the engine starts a baseline from an empty schema).
 */
final class FlywayLayout implements Layout {
    private static final Pattern VERSIONED = Pattern.compile("([VUB])(\\d+(?:[._]\\d+)*)__(.*)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.*)\\.sql");
    /** Flyway's SQL callbacks (beforeMigrate.sql, afterEachMigrate__log.sql...) live next to migrations. */
    private static final Pattern CALLBACK = Pattern.compile("(?:before|after)[A-Z][A-Za-z]*(?:__.*)?\\.sql|createSchema(?:__.*)?\\.sql");

    /** A Flyway file name taken apart: prefix V, U, B or R; the version as written (null for R). */
    record Name(char prefix, String rawVersion, String description) {
        String version() {
            return rawVersion == null ? null : Versions.canonical(rawVersion);
        }
    }

    static Optional<Name> parse(Path file) {
        String name = MigrationFiles.nameOf(file);
        Matcher m = VERSIONED.matcher(name);
        if (m.matches()) {
            return Optional.of(new Name(m.group(1).charAt(0), m.group(2), m.group(3).replace('_', ' ')));
        }
        m = REPEATABLE.matcher(name);
        if (m.matches()) {
            return Optional.of(new Name('R', null, m.group(1).replace('_', ' ')));
        }
        return Optional.empty();
    }

    @Override
    public Framework framework() {
        return Framework.FLYWAY;
    }

    @Override
    public boolean claims(Path file, MigrationFiles files) {
        return parse(file).isPresent();
    }

    @Override
    public PlannedHistory plan(Path directory, List<Path> given, Context context) {
        MigrationFiles files = context.files();
        Map<String, List<Path>> undo = new HashMap<>();
        Map<String, List<Path>> versions = new HashMap<>();
        // the directory's files, and those of the subdirectories a location merged in (LayoutDetector)
        java.util.Set<Path> directories = new java.util.LinkedHashSet<>();
        directories.add(directory);
        given.forEach(f -> directories.add(MigrationFiles.parentOf(f)));
        for (Path dir : directories) {
            for (Path sibling : files.list(dir)) {
                parse(sibling).filter(n -> n.prefix() == 'V' || n.prefix() == 'U').ifPresent(n -> (n.prefix() == 'U' ? undo : versions)
                        .computeIfAbsent(n.version(), v -> new ArrayList<>()).add(sibling));
            }
        }
        Map<Path, Name> forward = new LinkedHashMap<>();
        for (Path file : given) {
            Optional<Name> name = parse(file);
            if (name.isEmpty()) {
                if (!CALLBACK.matcher(MigrationFiles.nameOf(file)).matches()) {
                    context.problem(file, "not a Flyway migration name (V<version>__<description>.sql): Flyway ignores this file");
                }
            } else if (name.get().prefix() != 'U') {
                forward.put(file, name.get());
            } else {
                // an undo file belongs to the versioned migration of its version, which is checked with it
                Optional<Path> versioned = versions.getOrDefault(name.get().version(), List.of()).stream().findFirst();
                if (versioned.isPresent()) {
                    forward.putIfAbsent(versioned.get(), parse(versioned.get()).orElseThrow());
                } else {
                    context.problem(file, "undo migration " + MigrationFiles.nameOf(file)
                            + " has no versioned migration with version " + name.get().version());
                }
            }
        }
        List<PlannedMigration> versioned = new ArrayList<>();
        List<PlannedMigration> repeatable = new ArrayList<>();
        for (Map.Entry<Path, Name> e : forward.entrySet()) {
            Path file = e.getKey();
            Name name = e.getValue();
            TransactionMode transaction = executesInTransaction(file, files)
                    ? TransactionMode.TRANSACTION : TransactionMode.NO_TRANSACTION;
            if (name.prefix() == 'R') {
                repeatable.add(new PlannedMigration(name.description(), null, name.description(),
                        Migration.Kind.REPEATABLE, file, Region.WHOLE_FILE, transaction, PlannedReverse.NONE));
            } else if (name.prefix() == 'B') {
                // undo scripts belong to versioned migrations; a baseline is undone by dropping the database
                versioned.add(new PlannedMigration("B" + name.rawVersion().replace('_', '.'), name.version(),
                        name.description(), Migration.Kind.VERSIONED, file, Region.WHOLE_FILE, transaction,
                        PlannedReverse.NONE, true));
            } else {
                PlannedReverse reverse = undo.getOrDefault(name.version(), List.of()).stream().findFirst()
                        .map(PlannedReverse::script).orElse(PlannedReverse.NONE);
                versioned.add(new PlannedMigration(name.rawVersion().replace('_', '.'), name.version(),
                        name.description(), Migration.Kind.VERSIONED, file, Region.WHOLE_FILE, transaction, reverse));
            }
        }
        // comparators written out: Comparator.comparing's own lambdas are linked anew at every start-up
        versioned.sort((a, b) -> {
            int c = Versions.ORDER.compare(a.version(), b.version());
            if (c == 0) {
                c = Boolean.compare(a.baseline(), b.baseline());
            }
            return c != 0 ? c : a.file().toString().compareTo(b.file().toString());
        });
        repeatable.sort((a, b) -> {
            int byDescription = a.description().compareTo(b.description());
            return byDescription != 0 ? byDescription : a.file().toString().compareTo(b.file().toString());
        });
        List<PlannedMigration> all = new ArrayList<>(versioned);
        all.addAll(repeatable);
        return new PlannedHistory(directory, Framework.FLYWAY, all);
    }

    /** Reads {@code <file>.conf}; Flyway's default is a transaction per migration. */
    private static boolean executesInTransaction(Path file, MigrationFiles files) {
        Path conf = MigrationFiles.parentOf(file).resolve(MigrationFiles.nameOf(file) + ".conf");
        if (!files.exists(conf)) {
            return true;
        }
        return files.read(conf).map(text -> {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(text.text()));
            } catch (IOException | IllegalArgumentException e) {
                return true;
            }
            return !"false".equalsIgnoreCase(properties.getProperty("executeInTransaction", "true").trim());
        }).orElse(true);
    }
}
