package dev.lifeguard.analyzer.dialect;

import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.model.Dialect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JDBC URLs in the files that configure the application or the migration tool: Spring's
 * {@code application*.properties} / {@code application*.yml}, {@code flyway.conf}, {@code flyway.toml},
 * {@code liquibase.properties}. Test resources are left out: they name the in-memory database the tests
 * use (H2), not the one deployed to. Commented-out lines are left out too.
 */
final class ConfigEvidence {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "build", "node_modules", ".idea",
            "test", "tests", "it", "testFixtures");
    private static final Pattern CONFIG_NAME = Pattern.compile(
            "application[-\\w.]*\\.(properties|ya?ml)|flyway\\.(conf|toml)|liquibase\\.properties",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JDBC = Pattern.compile("jdbc:(?:tc:)?(postgresql|mysql|mariadb|oracle|sqlserver|h2):");
    /** Enough for any real repository; a pathological tree is not walked to its end. */
    private static final int MAX_ENTRIES = 200_000;
    private static final long MAX_FILE_SIZE = 1_000_000;

    private ConfigEvidence() {
    }

    /** The databases named, each with the first file (root-relative) naming it, in name order. */
    static Map<Dialect, Path> find(Path root, Predicate<Path> excluded) {
        Map<Dialect, Path> found = new TreeMap<>();
        int[] entries = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (++entries[0] > MAX_ENTRIES) {
                        return FileVisitResult.TERMINATE;
                    }
                    boolean skip = !dir.equals(root) && (SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                            || excluded.test(root.relativize(dir)));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (++entries[0] > MAX_ENTRIES) {
                        return FileVisitResult.TERMINATE;
                    }
                    if (attrs.isRegularFile() && attrs.size() < MAX_FILE_SIZE
                            && CONFIG_NAME.matcher(file.getFileName().toString()).matches()
                            && !excluded.test(root.relativize(file))) {
                        scan(file, root.relativize(file), found);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // detection is a convenience: an unreadable tree means nothing was detected from it
        }
        return found;
    }

    private static void scan(Path file, Path relative, Map<Dialect, Path> found) {
        String text;
        try {
            text = SourceReader.lenient(SourceReader.bytes(file, MAX_FILE_SIZE));
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (t.startsWith("#") || t.startsWith("!")) {
                continue;
            }
            Matcher m = JDBC.matcher(t.toLowerCase(Locale.ROOT));
            while (m.find()) {
                Dialect.parse(m.group(1)).ifPresent(d -> found.putIfAbsent(d, relative));
            }
        }
    }
}
