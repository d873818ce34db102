package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.discovery.ProjectRoot;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The files under the code roots, by what they are. Build output, hidden directories and test trees are
 * not application code; migrations are not code either (a Flyway {@code V1__x.sql} under
 * {@code src/main/resources} is read by the loader, never indexed as a reference).
 */
final class CodeFiles {
    private static final Set<String> SKIPPED_DIRS = Set.of("target", "build", "out", "node_modules", "bin", "generated");
    private static final Set<String> TEST_DIRS = Set.of("test", "tests", "testFixtures", "integrationTest", "it");
    /** Directories of sources by package: where the volume is, and never a configuration file. */
    private static final Set<String> SOURCE_DIRS = Set.of("java", "kotlin", "groovy", "scala");
    private static final Set<String> MIGRATION_DIRS = Set.of("migration", "migrations", "changelog", "changelogs",
            "changesets", "flyway", "liquibase");
    private static final Pattern MIGRATION_NAME = Pattern.compile("(?i)([vur][0-9._]*__.*|.*\\.(up|down)\\.sql)");
    private static final Pattern CONFIG_NAME = Pattern.compile("application[-\\w]*\\.(properties|ya?ml)");

    record Listing(List<Path> java, List<Path> kotlin, List<Path> xml, List<Path> sql, List<Path> config) {
        /** This listing without {@code files}. */
        Listing without(Set<Path> files) {
            if (files.isEmpty()) {
                return this;
            }
            java.util.function.Function<List<Path>, List<Path>> keep = l -> l.stream().filter(p -> !files.contains(p)).toList();
            return new Listing(keep.apply(java), keep.apply(kotlin), keep.apply(xml), keep.apply(sql), keep.apply(config));
        }
    }

    private CodeFiles() {
    }

    /** The configuration files only: package trees are not walked, so this stays cheap on any code base. */
    static List<Path> config(ProjectRoot root, List<Path> roots) {
        return list(root, roots, true, Set.of()).config();
    }

    /** Every code file; {@code migrations} are files the loader read as migrations. */
    static Listing all(ProjectRoot root, List<Path> roots, Set<Path> migrations) {
        return list(root, roots, false, migrations);
    }

    private static Listing list(ProjectRoot root, List<Path> roots, boolean configOnly, Set<Path> migrations) {
        Set<Path> java = new TreeSet<>();
        Set<Path> kotlin = new TreeSet<>();
        Set<Path> xml = new TreeSet<>();
        Set<Path> sql = new TreeSet<>();
        Set<Path> config = new TreeSet<>();
        for (Path codeRoot : roots) {
            Path start = root.absolute(codeRoot);
            if (!Files.isDirectory(start)) {
                continue;
            }
            try {
                Files.walkFileTree(start, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (dir.equals(start)) {
                            return FileVisitResult.CONTINUE;
                        }
                        Path parent = dir.getParent().getFileName();
                        if (skipsDirectory(dir.getFileName().toString(), parent == null ? null : parent.toString(), configOnly)
                                || root.isExcluded(root.relative(dir))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!attrs.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        Path rel = root.relative(file);
                        if (!root.isExcluded(rel)) {
                            sort(rel, configOnly, migrations, java, kotlin, xml, sql, config);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // an unreadable directory costs its files, not the run
            }
        }
        return new Listing(List.copyOf(java), List.copyOf(kotlin), List.copyOf(xml), List.copyOf(sql), List.copyOf(config));
    }

    /**
     * The code files among a list of root-relative paths (the files of a git revision), decided as the walk
     * of the working tree decides them: the same roots, skipped directories, exclusions and kinds.
     */
    static Listing of(java.util.Collection<Path> paths, List<Path> roots, Set<Path> migrations,
                      java.util.function.Predicate<Path> excluded) {
        Set<Path> java = new TreeSet<>();
        Set<Path> kotlin = new TreeSet<>();
        Set<Path> xml = new TreeSet<>();
        Set<Path> sql = new TreeSet<>();
        Set<Path> config = new TreeSet<>();
        for (Path rel : paths) {
            if (isUnderCodeRoot(rel, roots) && !excluded.test(rel)) {
                sort(rel, false, migrations, java, kotlin, xml, sql, config);
            }
        }
        return new Listing(List.copyOf(java), List.copyOf(kotlin), List.copyOf(xml), List.copyOf(sql), List.copyOf(config));
    }

    /**
     * Whether a root-relative path is a file the code index would read (any kind, configuration included):
     * under a code root, in no skipped directory. Used to tell whether a change touches the code at all.
     */
    static boolean isCodeFile(Path rel, List<Path> roots) {
        if (!isUnderCodeRoot(rel, roots)) {
            return false;
        }
        Listing one = of(List.of(rel), roots, Set.of(), p -> false);
        return !(one.java().isEmpty() && one.kotlin().isEmpty() && one.xml().isEmpty() && one.sql().isEmpty()
                && one.config().isEmpty());
    }

    /** Under one of the roots, with no directory between that root and the file that the walk skips. */
    private static boolean isUnderCodeRoot(Path rel, List<Path> roots) {
        Path normal = rel.normalize();
        for (Path codeRoot : roots) {
            Path r = codeRoot.normalize();
            boolean under = r.toString().isEmpty() || r.toString().equals(".") ? !normal.startsWith("..") : normal.startsWith(r)
                    && !normal.equals(r);
            if (!under) {
                continue;
            }
            Path inside = r.toString().isEmpty() || r.toString().equals(".") ? normal : r.relativize(normal);
            String parent = r.getFileName() == null ? null : r.getFileName().toString();
            boolean skipped = false;
            for (int i = 0; i < inside.getNameCount() - 1 && !skipped; i++) {
                String name = inside.getName(i).toString();
                skipped = skipsDirectory(name, parent, false);
                parent = name;
            }
            if (!skipped) {
                return true;
            }
        }
        return false;
    }

    /** Whether the walk leaves a directory out: hidden, build output, a test tree ({@code src/test}). */
    private static boolean skipsDirectory(String name, String parentName, boolean configOnly) {
        boolean testTree = TEST_DIRS.contains(name) && "src".equals(parentName);
        return name.startsWith(".") || SKIPPED_DIRS.contains(name) || testTree || (configOnly && SOURCE_DIRS.contains(name));
    }

    /** Files a code file by its kind; anything else is not code. */
    private static void sort(Path rel, boolean configOnly, Set<Path> migrations, Set<Path> java, Set<Path> kotlin,
                             Set<Path> xml, Set<Path> sql, Set<Path> config) {
        String name = rel.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (CONFIG_NAME.matcher(name).matches()) {
            config.add(rel);
        } else if (configOnly) {
            return;
        } else if (lower.endsWith(".java")) {
            java.add(rel);
        } else if (lower.endsWith(".kt")) {
            kotlin.add(rel);
        } else if (lower.endsWith(".xml")) {
            xml.add(rel);
        } else if (lower.endsWith(".sql") && !migrations.contains(rel) && !isMigration(rel)) {
            sql.add(rel);
        }
    }

    /** A SQL file that is a migration by its name or its directory, even when the run did not load it. */
    static boolean isMigration(Path rel) {
        if (MIGRATION_NAME.matcher(rel.getFileName().toString()).matches()) {
            return true;
        }
        for (Path p = rel.getParent(); p != null; p = p.getParent()) {
            if (MIGRATION_DIRS.contains(p.getFileName().toString().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
