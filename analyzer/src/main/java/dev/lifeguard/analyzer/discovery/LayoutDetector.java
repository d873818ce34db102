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
 * for them the history is the directory above.
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
