package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.LoadProblem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, per directory, which tool's conventions the SQL files follow, and lets that layout plan the
 * directory's history. Each directory is its own history, because each is migrated on its own (a
 * repository with ten Flyway modules has ten). diesel and Prisma keep one migration per subdirectory, so
 * for them the history is the directory above. Flyway scans a location recursively, so sibling directories
 * of Flyway migrations whose versions never collide ({@code db/migration/2.31}, {@code db/migration/2.32})
 * are one history at their parent; per-vendor siblings ({@code db/migration/mysql}, {@code .../postgresql})
 * repeat versions or are named for a database, and stay apart.
 */
public final class LayoutDetector {
    private final Layout diesel = new DieselLayout();
    private final Layout prisma = new PrismaLayout();
    /** Tried in this order; a directory takes the layout most of its files follow, ties to the first. */
    private final List<Layout> byDirectory = List.of(new DbmateLayout(), new FlywayLayout(), new UpDownLayout());
    private final Layout plain = new PlainSqlLayout();

    /** The histories planned and the files that fit no plan. */
    public record Plan(List<PlannedHistory> histories, List<LoadProblem> problems) {
        public Plan {
            histories = List.copyOf(histories);
            problems = List.copyOf(problems);
        }
    }

    /** A map key; equals and hashCode written out, since a record's generated ones bootstrap at every start-up. */
    private record Group(Path directory, Layout layout) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Group g && directory.equals(g.directory) && layout.equals(g.layout);
        }

        @Override
        public int hashCode() {
            return 31 * directory.hashCode() + layout.hashCode();
        }
    }

    /**
     * @param sqlFiles root-relative SQL files given (Liquibase changelogs already taken out)
     * @param files    access to those files and their siblings
     * @param dialect  the dialect being linted (popx picks its files by it)
     */
    public Plan plan(List<Path> sqlFiles, MigrationFiles files, Dialect dialect) {
        return plan(sqlFiles, files, dialect, p -> true);
    }

    /**
     * As {@link #plan(List, MigrationFiles, Dialect)}, where a directory of SQL files that follow no tool's
     * naming becomes a plain-SQL history only when the user named it (or one of its files), or it looks like
     * migrations and lies below no Flyway location (see {@link MigrationDirectories}).
     *
     * @param named whether a root-relative file or directory was named by the user
     */
    public Plan plan(List<Path> sqlFiles, MigrationFiles files, Dialect dialect, java.util.function.Predicate<Path> named) {
        Map<Group, List<Path>> groups = new LinkedHashMap<>();
        Map<Path, List<Path>> byParent = new LinkedHashMap<>();
        for (Path file : sqlFiles) {
            if (diesel.claims(file, files)) {
                groups.computeIfAbsent(new Group(grandparent(file), diesel), g -> new ArrayList<>()).add(file);
            } else if (prisma.claims(file, files)) {
                groups.computeIfAbsent(new Group(grandparent(file), prisma), g -> new ArrayList<>()).add(file);
            } else {
                byParent.computeIfAbsent(MigrationFiles.parentOf(file), d -> new ArrayList<>()).add(file);
            }
        }
        byParent.forEach((directory, given) -> {
            Layout layout = layoutOf(given, files);
            if (layout != plain || named.test(directory) || given.stream().anyMatch(named)
                    || (!MigrationDirectories.underFlywayLocation(directory, files)
                    && MigrationDirectories.looksLikeMigrations(directory, given, files))) {
                groups.put(new Group(directory, layout), given);
            }
        });

        mergeFlywayLocations(groups);
        List<LoadProblem> problems = new ArrayList<>();
        Layout.Context context = new Layout.Context(files, dialect, problems);
        List<PlannedHistory> histories = new ArrayList<>();
        groups.forEach((group, given) -> {
            PlannedHistory history = group.layout().plan(group.directory(), given, context);
            if (!history.migrations().isEmpty()) {
                histories.add(history);
            }
        });
        // written out: Comparator.comparing's own lambdas are linked anew at every start-up (not in the AOT cache)
        histories.sort((a, b) -> {
            int c = a.location().toString().compareTo(b.location().toString());
            return c != 0 ? c : a.framework().compareTo(b.framework());
        });
        return new Plan(histories, problems);
    }

    /** Directory names that name a database: Flyway locations per vendor, never one history with their siblings. */
    private static final java.util.Set<String> DATABASE_NAMES = java.util.Set.of("postgres", "postgresql", "pg", "mysql",
            "mariadb", "oracle", "sqlserver", "mssql", "h2", "hsqldb", "hsql", "db2", "derby", "sqlite", "cockroachdb",
            "cockroach", "sybase", "informix", "firebird", "redshift", "snowflake", "common", "vendor");

    /**
     * Merges sibling Flyway directories into one history at their parent (with the parent's own Flyway files),
     * level by level up, while no member is named for a database and no version (or repeatable description)
     * occurs in two of them: one Flyway location scanned recursively.
     */
    private void mergeFlywayLocations(Map<Group, List<Path>> groups) {
        boolean merged = true;
        while (merged) {
            merged = false;
            Map<Path, List<Group>> byParent = new LinkedHashMap<>();
            for (Group g : groups.keySet()) {
                Path parent = g.directory().getParent();
                if (g.layout() instanceof FlywayLayout && parent != null) {
                    byParent.computeIfAbsent(parent, d -> new ArrayList<>()).add(g);
                }
            }
            for (Map.Entry<Path, List<Group>> e : byParent.entrySet()) {
                List<Group> members = new ArrayList<>(e.getValue());
                Group own = groups.keySet().stream().filter(g -> g.directory().equals(e.getKey())
                        && g.layout() instanceof FlywayLayout).findFirst().orElse(null);
                if (own != null) {
                    members.add(own);
                }
                if (members.size() < 2 || !oneLocation(members, groups)) {
                    continue;
                }
                List<Path> all = new ArrayList<>();
                for (Group g : members) {
                    all.addAll(groups.remove(g));
                }
                all.sort(null);
                Layout flyway = members.get(0).layout();
                groups.put(new Group(e.getKey(), flyway), all);
                merged = true;
                break; // the map changed: group by parent again
            }
        }
    }

    private static boolean oneLocation(List<Group> members, Map<Group, List<Path>> groups) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Group g : members) {
            Path name = g.directory().getFileName();
            if (name != null && DATABASE_NAMES.contains(name.toString().toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
            java.util.Set<String> own = new java.util.HashSet<>();
            for (Path f : groups.get(g)) {
                FlywayLayout.parse(f).filter(n -> n.prefix() != 'U').map(n -> n.prefix() == 'R'
                        ? "R " + n.description() : n.prefix() + n.version()).ifPresent(own::add);
            }
            for (String v : own) {
                if (!seen.add(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private Layout layoutOf(List<Path> given, MigrationFiles files) {
        Layout best = plain;
        long bestCount = 0;
        for (Layout layout : byDirectory) {
            long count = given.stream().filter(f -> layout.claims(f, files)).count();
            if (count > bestCount) {
                best = layout;
                bestCount = count;
            }
        }
        return best;
    }

    private static Path grandparent(Path file) {
        return MigrationFiles.parentOf(MigrationFiles.parentOf(file));
    }
}
