package dev.lifeguard.analyzer.dialect;

import dev.lifeguard.analyzer.model.Dialect;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database a migration file's own path names: a Flyway location per vendor
 * ({@code db/migration/postgresql}, kestra's {@code migrations/mysql}) or an ory/popx file name
 * ({@code 2020..._x.postgres.up.sql}). Directory names count only when the whole name, or a whole word of
 * it ({@code jdbc-postgres}), is a database's name; short aliases (pg) are not trusted there.
 */
final class PathEvidence {
    private static final Pattern POPX = Pattern.compile(".+\\.(postgres|mysql|mariadb|cockroach|sqlite3?)"
            + "(\\.autocommit)?\\.(up|down)\\.sql", Pattern.CASE_INSENSITIVE);

    private PathEvidence() {
    }

    /** The dialect the file's name or directories name; empty when they name none (or a database we do not lint). */
    static Optional<Dialect> of(Path relativeFile) {
        Path name = relativeFile.getFileName();
        if (name != null) {
            Matcher popx = POPX.matcher(name.toString());
            if (popx.matches()) {
                return word(popx.group(1));
            }
        }
        Path dir = relativeFile.getParent();
        for (int i = dir == null ? -1 : dir.getNameCount() - 1; i >= 0; i--) {
            String segment = dir.getName(i).toString().toLowerCase(Locale.ROOT);
            for (String word : segment.split("[-_.]")) {
                Optional<Dialect> d = word(word);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Dialect> word(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "postgres", "postgresql" -> Optional.of(Dialect.POSTGRESQL);
            case "mysql" -> Optional.of(Dialect.MYSQL);
            case "mariadb" -> Optional.of(Dialect.MARIADB);
            case "oracle" -> Optional.of(Dialect.ORACLE);
            case "sqlserver", "mssql" -> Optional.of(Dialect.SQLSERVER);
            case "h2" -> Optional.of(Dialect.H2);
            default -> Optional.empty();
        };
    }
}
