package dev.lifeguard.analyzer.discovery;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where migrations are, as the tools that run them see it: what a walk of the project lints, so that a
 * repository's other SQL (report queries, test fixtures, dumps, rollback scripts beside Flyway's) is not
 * taken for migrations.
 *
 * <ul>
 *   <li>Test and fixture trees are never walked into: the runner deployed to production does not read
 *       them ({@link #isTestTree}).</li>
 *   <li>Files that follow a tool's naming (Flyway, golang-migrate, dbmate, diesel, Prisma, up/down) and
 *       Liquibase changelogs are migrations where they are found.</li>
 *   <li>Flyway scans its locations recursively and runs only the files named for it, so other SQL below a
 *       directory of Flyway migrations or below {@code db/migration} (rollback scripts, SQL that Java
 *       migrations load) is not a migration ({@link #underFlywayLocation}).</li>
 *   <li>A directory of other SQL files is a plain-SQL history only when it looks like one
 *       ({@link #looksLikeMigrations}): a directory named for migrations on its path, or files numbered
 *       in the order they run; never a directory of sample, demo or backup data.</li>
 * </ul>
 * A file or directory the user names (a PATH argument, {@code migrations:} in lifeguard.yml) is linted
 * whatever its name; only what is found below a named directory has to look like migrations.
 */
public final class MigrationDirectories {
    /** Directory names that mean "tests" or "test data" wherever they are. */
    private static final Set<String> TEST_NAMES = Set.of("test", "tests", "testsuite", "testsuites", "testdata",
            "test-data", "test_data", "testing", "fixtures", "test-fixtures", "__tests__", "e2e", "spec", "specs");
    /** Path segments that name a directory of migrations. */
    private static final Set<String> MIGRATION_NAMES = Set.of("migration", "migrations", "migrate", "db", "database",
            "db-migrations", "db_migrations", "dbmigrations", "sql-migrations", "sql_migrations", "schema-migrations");

    /** Words of a directory name that mean sample, demo or backup data (fineract's sql/migrations/sample_data). */
    private static final Set<String> SAMPLE_WORDS = Set.of("sample", "samples", "demo", "demos", "backup", "backups");

    private MigrationDirectories() {
    }

    /**
     * Whether a directory holds tests or test data: {@code test}, {@code tests}, {@code testsuite},
     * {@code fixtures}..., or a source set under {@code src} named for tests ({@code src/integTest},
     * {@code src/testFixtures}, {@code src/it}).
     */
    public static boolean isTestTree(Path directory) {
        Path name = directory.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        if (TEST_NAMES.contains(n)) {
            return true;
        }
        Path parent = directory.getParent();
        boolean sourceSet = parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("src");
        return sourceSet && (n.contains("test") || n.equals("it"));
    }

    /** Whether any directory on the root-relative path is a test or fixture tree. */
    public static boolean inTestTree(Path relative) {
        for (Path p = relative; p != null; p = p.getParent()) {
            if (isTestTree(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a segment of a root-relative directory names migrations ({@code migrations}, {@code db}...). */
    public static boolean namedForMigrations(Path directory) {
        if (directory == null) {
            return false;
        }
        for (Path segment : directory) {
            if (MIGRATION_NAMES.contains(segment.toString().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a directory of SQL files that follow no tool's naming reads as migrations: a segment of its
     * root-relative path names migrations ({@code migrations}, {@code db}, {@code migrate}...), or most of its
     * files are numbered ({@code 001_users.sql}, {@code 20240131_add_email.sql}) and change the schema (a
     * directory of numbered report queries is not a history).
     */
    public static boolean looksLikeMigrations(Path directory, List<Path> sqlFiles, MigrationFiles files) {
        for (Path segment : directory) {
            for (String word : segment.toString().toLowerCase(Locale.ROOT).split("[-_.]")) {
                if (SAMPLE_WORDS.contains(word)) {
                    return false; // sql/migrations/sample_data, demo-backups: data a person loads, no history
                }
            }
        }
        for (Path segment : directory) {
            if (MIGRATION_NAMES.contains(segment.toString().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        if (sqlFiles.isEmpty()) {
            return false;
        }
        long numbered = sqlFiles.stream().filter(f -> {
            String name = MigrationFiles.nameOf(f);
            return !name.isEmpty() && Versions.isAsciiDigit(name.charAt(0));
        }).count();
        if (numbered * 2 <= sqlFiles.size()) {
            return false;
        }
        long ddl = sqlFiles.stream().filter(f -> files.read(f).map(s -> DDL.matcher(s.text()).find()).orElse(false))
                .count();
        return ddl * 2 > sqlFiles.size();
    }

    private static final java.util.regex.Pattern DDL = java.util.regex.Pattern.compile(
            "(?i)\\b(create|alter|drop)\\s+(table|index|unique\\s+index|view|sequence|type|schema)\\b");

    /**
     * Whether a directory lies below a Flyway location: an ancestor directory (inside the root) holds Flyway
     * migrations, or is Flyway's default location {@code db/migration}. Flyway reads only the files named for
     * it there, so the other SQL below is not run by it.
     */
    public static boolean underFlywayLocation(Path directory, MigrationFiles files) {
        for (Path p = directory.getParent(); p != null; p = p.getParent()) {
            if (isDefaultFlywayLocation(p) || files.list(p).stream().anyMatch(f -> FlywayLayout.parse(f).isPresent())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDefaultFlywayLocation(Path p) {
        Path name = p.getFileName();
        Path parent = p.getParent();
        return name != null && name.toString().equals("migration") && parent != null && parent.getFileName() != null
                && parent.getFileName().toString().equals("db");
    }
}
