package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.discovery.PlannedMigration.PlannedReverse;
import dev.lifeguard.analyzer.discovery.PlannedMigration.Region;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * golang-migrate ({@code <version>_<name>.up.sql} / {@code .down.sql}) and ory/popx, its variant with the
 * database in the name ({@code <version>_<name>.postgres.up.sql}) and {@code .autocommit.} for a migration
 * that must run outside a transaction.
 *
 * <p>Transactions differ between the two, and the choice here follows the tools: golang-migrate sends a
 * file as one multi-statement exec and opens no transaction of its own, so a file runs in a transaction
 * only when it says BEGIN itself ({@link TransactionMode#ONLY_IF_BEGIN}); popx wraps each migration in a
 * transaction unless it is {@code .autocommit}.
 *
 * <p>popx picks, per version and direction, the file for the database being migrated, else the generic
 * file; files for other databases are variants, not migrations of this history, and are left out
 * without a problem. The database is the dialect being linted; when none of the directory's files is
 * for it and the files given are all for one database, those are what the user asked for.
 */
final class UpDownLayout implements Layout {
    private static final Pattern NAME = Pattern.compile(
            "(\\d+)(?:_(.*?))?(?:\\.(postgres|mysql|sqlite3|sqlite|cockroach))?(\\.autocommit)?\\.(up|down)\\.sql");

    /** An up/down file name taken apart; {@code database} is null for a generic popx or golang-migrate file. */
    record Name(String rawVersion, String name, String database, boolean autocommit, boolean up) {
        String version() {
            return Versions.canonical(rawVersion);
        }
    }

    private record Named(Path file, Name name) {
    }

    static Optional<Name> parse(Path file) {
        Matcher m = NAME.matcher(MigrationFiles.nameOf(file));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Name(m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3),
                m.group(4) != null, m.group(5).equals("up")));
    }

    @Override
    public Framework framework() {
        return Framework.GOLANG_MIGRATE;
    }

    @Override
    public boolean claims(Path file, MigrationFiles files) {
        return parse(file).isPresent();
    }

    @Override
    public PlannedHistory plan(Path directory, List<Path> given, Context context) {
        MigrationFiles files = context.files();
        Map<String, List<Named>> siblings = new HashMap<>();
        for (Path sibling : files.list(directory)) {
            parse(sibling).ifPresent(n -> siblings.computeIfAbsent(n.version(), v -> new ArrayList<>())
                    .add(new Named(sibling, n)));
        }
        boolean popx = siblings.values().stream().flatMap(List::stream)
                .anyMatch(s -> s.name().database() != null || s.name().autocommit());
        String database = popx ? database(context.dialect(), siblings, given) : null;

        Set<Path> forward = new LinkedHashSet<>();
        for (Path file : given) {
            Optional<Name> parsed = parse(file);
            if (parsed.isEmpty()) {
                context.problem(file, "not an up/down migration name (<version>_<name>.up.sql or .down.sql): not checked");
                continue;
            }
            Name name = parsed.get();
            if (popx && !Objects.equals(name.database(), database)) {
                if (name.database() != null || hasVariant(siblings, name, database)) {
                    continue; // a variant for another database, or overridden by this database's file
                }
            }
            if (name.up()) {
                forward.add(file);
            } else {
                // a down file is checked with its up file, whether or not that was given
                Optional<Path> up = counterpart(siblings, name, database, popx, true);
                if (up.isPresent()) {
                    forward.add(up.get());
                } else {
                    context.problem(file, "down migration " + MigrationFiles.nameOf(file)
                            + " has no up migration with version " + name.rawVersion());
                }
            }
        }
        List<PlannedMigration> planned = new ArrayList<>();
        for (Path file : forward) {
            Name name = parse(file).orElseThrow();
            PlannedReverse reverse = counterpart(siblings, name, database, popx, false)
                    .map(PlannedReverse::script).orElse(PlannedReverse.NONE);
            TransactionMode transaction = !popx ? TransactionMode.ONLY_IF_BEGIN
                    : name.autocommit() ? TransactionMode.NO_TRANSACTION : TransactionMode.TRANSACTION;
            planned.add(new PlannedMigration(name.rawVersion(), name.version(), name.name(),
                    Migration.Kind.VERSIONED, file, Region.WHOLE_FILE, transaction, reverse));
        }
        planned.sort(Comparator.comparing(PlannedMigration::version, Versions.ORDER)
                .thenComparing(m -> m.file().toString()));
        return new PlannedHistory(directory, Framework.GOLANG_MIGRATE, planned);
    }

    /** The popx database tag the history is for. */
    private static String database(Dialect dialect, Map<String, List<Named>> siblings, List<Path> given) {
        String wanted = switch (dialect) {
            case POSTGRESQL -> "postgres";
            case MYSQL, MARIADB -> "mysql";
            default -> null;
        };
        if (wanted != null && siblings.values().stream().flatMap(List::stream)
                .anyMatch(s -> wanted.equals(s.name().database()))) {
            return wanted;
        }
        Set<String> givenDatabases = new LinkedHashSet<>();
        given.stream().map(UpDownLayout::parse).flatMap(Optional::stream)
                .forEach(n -> givenDatabases.add(n.database()));
        return givenDatabases.size() == 1 ? givenDatabases.iterator().next() : null;
    }

    /** Whether the directory has this version and direction for the database, which popx prefers. */
    private static boolean hasVariant(Map<String, List<Named>> siblings, Name name, String database) {
        return database != null && siblings.getOrDefault(name.version(), List.of()).stream()
                .anyMatch(s -> s.name().up() == name.up() && database.equals(s.name().database()));
    }

    /**
     * The file of the other direction with the same version: for popx the database's own file, else the
     * generic one; among several (duplicate versions), the one with the same name.
     */
    private static Optional<Path> counterpart(Map<String, List<Named>> siblings, Name name, String database,
                                              boolean popx, boolean up) {
        Comparator<Named> preference = Comparator
                .comparing((Named s) -> popx && s.name().database() == null)
                .thenComparing(s -> !s.name().name().equals(name.name()))
                .thenComparing(Named::file);
        return siblings.getOrDefault(name.version(), List.of()).stream()
                .filter(s -> s.name().up() == up)
                .filter(s -> !popx || s.name().database() == null || s.name().database().equals(database))
                .min(preference)
                .map(Named::file);
    }
}
