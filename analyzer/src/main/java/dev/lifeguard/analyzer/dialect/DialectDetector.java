package dev.lifeguard.analyzer.dialect;

import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.DialectChoice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Decides the dialect when the user did not, from what the repository says, most local first:
 * <ol>
 *   <li>the SQL migration files' own paths: a per-vendor Flyway location ({@code db/migration/mysql}) or an
 *       ory/popx name ({@code *.postgres.up.sql}), when they all name one database (files that are migrations
 *       by their name or a directory named for migrations: not a container's init script);</li>
 *   <li>Liquibase {@code dbms} attributes, when all of them name one database, on at least half of the
 *       changeSets, and no changeSet is a variant for another database ({@code dbms="!mssql"}, a
 *       {@code <dbms>} precondition): an exception for one database is not the project's database;</li>
 *   <li>a JDBC URL in {@code application*.properties|yml}, {@code flyway.conf|toml} or
 *       {@code liquibase.properties} anywhere under the root, or another {@code .properties} file of a
 *       {@code src/main/resources} directory (test resources aside), when all name one;</li>
 * </ol>
 * else PostgreSQL, marked as assumed so that reports say so. Sources that disagree among themselves say
 * nothing; a history whose own path names a database is read for that database ({@link #forFiles}).
 */
public final class DialectDetector {
    private static final long MAX_CHANGELOG_SIZE = 4_000_000;

    private final Path root;
    private final Predicate<Path> excluded;

    /**
     * @param root     the project root (absolute)
     * @param excluded whether a root-relative path is excluded by the user
     */
    public DialectDetector(Path root, Predicate<Path> excluded) {
        this.root = root;
        this.excluded = excluded;
    }

    /** @param files the root-relative files given to lint */
    public DialectChoice detect(Collection<Path> files) {
        List<Path> migrations = files.stream().filter(DialectDetector::migrationLike).toList();
        // SQL files only: a pom.xml or docker-compose.yml under a directory named mysql says little
        Optional<Map.Entry<Dialect, Path>> byPath = single(byPath(migrations.stream()
                .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                .filter(DialectDetector::migrationByName).toList()));
        if (byPath.isPresent()) {
            return DialectChoice.detected(byPath.get().getKey(), "migration path " + slashes(byPath.get().getValue()));
        }
        DbmsEvidence.Tally dbms = new DbmsEvidence.Tally();
        for (Path file : migrations) {
            read(file).ifPresent(text -> DbmsEvidence.scan(file.getFileName().toString(), text, dbms));
        }
        if (dbms.project().isPresent()) {
            Map.Entry<Dialect, Integer> e = dbms.project().get();
            return DialectChoice.detected(e.getKey(), "Liquibase dbms=\"" + e.getKey().id() + "\" on " + e.getValue()
                    + (e.getValue() == 1 ? " change" : " changes"));
        }
        Optional<Map.Entry<Dialect, Path>> config = single(ConfigEvidence.find(root, excluded));
        if (config.isPresent()) {
            return DialectChoice.detected(config.get().getKey(), "jdbc:" + config.get().getKey().id() + ": in "
                    + slashes(config.get().getValue()));
        }
        return DialectChoice.assumed();
    }

    /** The database the paths of one history's files all name, if they do (kestra's jdbc-mysql/.../mysql). */
    public static Optional<Dialect> forFiles(Collection<Path> files) {
        return single(byPath(files)).map(Map.Entry::getKey);
    }

    private static final java.util.regex.Pattern TOOL_NAME = java.util.regex.Pattern.compile(
            "(?i)(?:[VUB]\\d+(?:[._]\\d+)*|R)__.*\\.sql|.+\\.(?:up|down)\\.sql");

    /**
     * Whether a SQL file is a migration by its own name (Flyway's, an up/down pair) or a directory named for
     * migrations on its path: a database's init script in {@code config/docker/mysql} says nothing of the
     * database the migrations run on (fineract's application.properties names MariaDB).
     */
    private static boolean migrationByName(Path file) {
        return TOOL_NAME.matcher(file.getFileName().toString()).matches()
                || dev.lifeguard.analyzer.discovery.MigrationDirectories.namedForMigrations(file.getParent());
    }

    private static boolean migrationLike(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).matches(".*\\.(xml|ya?ml|json|sql)");
    }

    private static Map<Dialect, Path> byPath(Collection<Path> files) {
        Map<Dialect, Path> found = new TreeMap<>();
        for (Path f : files) {
            PathEvidence.of(f).ifPresent(d -> found.putIfAbsent(d, f));
        }
        return found;
    }

    private static <V> Optional<Map.Entry<Dialect, V>> single(Map<Dialect, V> found) {
        return found.size() == 1 ? Optional.of(found.entrySet().iterator().next()) : Optional.empty();
    }

    private Optional<String> read(Path relative) {
        Path file = root.resolve(relative);
        try {
            return Optional.of(SourceReader.decodeAny(SourceReader.bytes(file, MAX_CHANGELOG_SIZE)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the loader reports unreadable files; detection just learns nothing
        }
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }
}
