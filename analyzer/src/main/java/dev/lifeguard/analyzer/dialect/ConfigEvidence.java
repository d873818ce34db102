package dev.lifeguard.analyzer.dialect;

import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.model.Dialect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JDBC URLs in the files that configure the application or the migration tool: Spring's
 * {@code application*.properties} / {@code application*.yml}, {@code flyway.conf}, {@code flyway.toml},
 * {@code liquibase.properties}, and any other {@code .properties} file of {@code src/main/resources} (a server's own
 * settings: {@code org.killbill.dao.url=jdbc:mysql://...}). Test resources are left out: they name the in-memory database the tests
 * use (H2), not the one deployed to. Commented-out lines are left out too.
 */
final class ConfigEvidence {
    private static final Pattern JDBC = Pattern.compile("jdbc:(?:tc:)?(postgresql|mysql|mariadb|oracle|sqlserver|h2):");

    private ConfigEvidence() {
    }

    /** The databases named, each with the first file (root-relative) naming it, in name order. */
    static Map<Dialect, Path> find(Path root, Predicate<Path> excluded) {
        Map<Dialect, Path> found = new TreeMap<>();
        ConfigFiles.forEach(root, excluded, true, (file, relative) -> scan(file, relative, found));
        return found;
    }

    private static void scan(Path file, Path relative, Map<Dialect, Path> found) {
        String text;
        try {
            text = SourceReader.lenient(SourceReader.bytes(file, ConfigFiles.MAX_FILE_SIZE));
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
