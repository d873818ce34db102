package dev.lifeguard.verify.run;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Flyway settings of a project that change what its migrations do, read from {@code flyway.conf} (in the
 * project root, the history's directory or a directory between) and Spring's {@code application*.properties}
 * ({@code spring.flyway.*}): placeholders, schemas, the schema history table, executeInTransaction, mixed. The
 * connection settings (url, user, password) and locations are never taken: Lifeguard rehearses on its own
 * database, and the history is the directory it found.
 */
final class FlywaySettings {
    private static final List<String> KEPT = List.of("placeholders.", "placeholderReplacement", "placeholderPrefix",
            "placeholderSuffix", "placeholderSeparator", "schemas", "defaultSchema", "table", "executeInTransaction",
            "mixed", "postgresql.transactional.lock", "sqlMigrationPrefix", "sqlMigrationSeparator", "sqlMigrationSuffixes", "createSchemas");

    private FlywaySettings() {
    }

    static Map<String, String> of(Path root, Path historyLocation) {
        Map<String, String> out = new TreeMap<>();
        Path dir = root.resolve(historyLocation).normalize();
        List<Path> dirs = new ArrayList<>();
        for (Path d = dir; d != null && d.startsWith(root); d = d.getParent()) {
            dirs.add(0, d);
        }
        for (Path d : dirs) {
            read(d.resolve("flyway.conf"), "flyway.", out);
            read(d.resolve("conf/flyway.conf"), "flyway.", out);
        }
        try (Stream<Path> files = Files.walk(root, 6)) {
            files.filter(p -> p.getFileName().toString().matches("application(-[\\w-]+)?\\.properties"))
                    .filter(p -> p.toString().contains("src" + java.io.File.separator + "main"))
                    .sorted()
                    .forEach(p -> read(p, "spring.flyway.", out));
        } catch (IOException | RuntimeException e) {
            // no Spring settings, then
        }
        return out;
    }

    private static void read(Path file, String prefix, Map<String, String> into) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return;
        }
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            String name = camel(key.substring(prefix.length()));
            if (KEPT.stream().anyMatch(k -> k.endsWith(".") ? name.startsWith(k) : name.equals(k))) {
                into.put("flyway." + name, p.getProperty(key).strip());
            }
        }
    }

    /** Spring's relaxed names: {@code placeholder-replacement} is {@code placeholderReplacement}. */
    private static String camel(String key) {
        if (key.startsWith("placeholders.")) {
            return key;
        }
        if (key.equals("postgresql.transactional-lock")) {
            return "postgresql.transactional.lock";
        }
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : key.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }
}
