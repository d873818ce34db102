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
                        String name = dir.getFileName().toString();
                        Path parent = dir.getParent().getFileName();
                        boolean testTree = TEST_DIRS.contains(name) && parent != null && parent.toString().equals("src");
                        if (name.startsWith(".") || SKIPPED_DIRS.contains(name) || testTree
                                || (configOnly && SOURCE_DIRS.contains(name)) || root.isExcluded(root.relative(dir))) {
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
                        String name = file.getFileName().toString();
                        String lower = name.toLowerCase(Locale.ROOT);
                        if (root.isExcluded(rel)) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (CONFIG_NAME.matcher(name).matches()) {
                            config.add(rel);
                        } else if (configOnly) {
                            return FileVisitResult.CONTINUE;
                        } else if (lower.endsWith(".java")) {
                            java.add(rel);
                        } else if (lower.endsWith(".kt")) {
                            kotlin.add(rel);
                        } else if (lower.endsWith(".xml")) {
                            xml.add(rel);
                        } else if (lower.endsWith(".sql") && !migrations.contains(rel) && !isMigration(rel)) {
                            sql.add(rel);
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
