package dev.lifeguard.analyzer.dialect;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The files that configure the application or the migration tool, anywhere under the project root: Spring's
 * {@code application*.properties} / {@code application*.yml}, {@code flyway.conf}, {@code flyway.toml},
 * {@code liquibase.properties}. Test resources are left out: they configure the database the tests use (H2),
 * not the one deployed to; so are build output and tool directories.
 */
public final class ConfigFiles {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "build", "node_modules", ".idea",
            "test", "tests", "it", "testFixtures");
    /** Enough for any real repository; a pathological tree is not walked to its end. */
    private static final int MAX_ENTRIES = 200_000;
    /** Larger files are not visited; the readers cap their reads at the same size (SourceReader). */
    static final long MAX_FILE_SIZE = 1_000_000;

    private ConfigFiles() {
    }

    /** A directory named for tests in one of its words: e2e-tests, integration-tests, it-test (kestra's e2e-tests). */
    private static boolean namesTests(String name) {
        for (String word : name.toLowerCase(java.util.Locale.ROOT).split("[-_.]")) {
            if (word.equals("test") || word.equals("tests") || word.equals("e2e")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isResourceProperties(Path file) {
        Path dir = file.getParent();
        return file.getFileName().toString().endsWith(".properties") && dir != null && dir.endsWith("src/main/resources");
    }

    /**
     * Whether a file name is one of those above, ignoring ASCII case: {@code application[-\w.]*.(properties|ya?ml)},
     * {@code flyway.(conf|toml)}, {@code liquibase.properties} (written out: compiling the case-insensitive
     * pattern cost a run more than the walk).
     */
    static boolean isConfigName(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 128) {
                return false; // the pattern's case folding is ASCII's: nothing else matches it
            }
        }
        if (name.equalsIgnoreCase("flyway.conf") || name.equalsIgnoreCase("flyway.toml")
                || name.equalsIgnoreCase("liquibase.properties")) {
            return true;
        }
        if (!name.regionMatches(true, 0, "application", 0, 11)) {
            return false;
        }
        for (String extension : new String[]{".properties", ".yml", ".yaml"}) {
            int end = name.length() - extension.length();
            if (end >= 11 && name.regionMatches(true, end, extension, 0, extension.length())) {
                boolean middle = true;
                for (int i = 11; i < end && middle; i++) {
                    char c = name.charAt(i);
                    middle = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
                }
                if (middle) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Calls {@code visit} with each configuration file (absolute, and relative to the root), in walk order.
     *
     * @param excluded whether a root-relative path is excluded by the user
     */
    public static void forEach(Path root, Predicate<Path> excluded, BiConsumer<Path, Path> visit) {
        forEach(root, excluded, false, visit);
    }

    /**
     * As {@link #forEach(Path, Predicate, BiConsumer)}, with {@code resourceProperties} also every
     * {@code *.properties} file of a {@code src/main/resources} directory (a server's own settings file, as Kill
     * Bill's {@code killbill-server.properties}).
     */
    static void forEach(Path root, Predicate<Path> excluded, boolean resourceProperties, BiConsumer<Path, Path> visit) {
        int[] entries = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (++entries[0] > MAX_ENTRIES) {
                        return FileVisitResult.TERMINATE;
                    }
                    boolean skip = !dir.equals(root) && (SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                            || namesTests(dir.getFileName().toString()) || excluded.test(root.relativize(dir)));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (++entries[0] > MAX_ENTRIES) {
                        return FileVisitResult.TERMINATE;
                    }
                    if (attrs.isRegularFile() && attrs.size() < MAX_FILE_SIZE
                            && (isConfigName(file.getFileName().toString())
                            || resourceProperties && isResourceProperties(file))
                            && !excluded.test(root.relativize(file))) {
                        visit.accept(file, root.relativize(file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // reading configuration is a convenience: an unreadable tree means nothing was learnt from it
        }
    }
}
