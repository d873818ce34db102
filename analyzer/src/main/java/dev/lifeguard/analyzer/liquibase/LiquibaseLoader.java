package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.sql.SqlParser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads Liquibase changelogs (XML, YAML, JSON, formatted SQL) with Liquibase's own parsers, offline, into
 * histories: one per root changelog (a changelog no other candidate includes).
 */
public final class LiquibaseLoader {

    /** What loading produced: histories, the text of every file read (keyed by root-relative path), problems. */
    public record Result(List<History> histories, Map<Path, SourceFile> sources, List<LoadProblem> problems) {
    }

    private final Path root;
    private final Dialect dialect;
    private final SqlParser sql;

    /**
     * @param root    project root (absolute, normalized): nothing outside it is read
     * @param dialect dialect to translate and generate SQL for
     * @param sql     parser for inline and generated SQL
     */
    public LiquibaseLoader(Path root, Dialect dialect, SqlParser sql) {
        this.root = root;
        this.dialect = dialect;
        this.sql = sql;
    }

    /** Whether a file's text looks like a Liquibase changelog (cheap: no Liquibase classes loaded). */
    public static boolean isChangelog(Path file, String text) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Loads the given changelog candidates (absolute paths inside the root). A file included by another
     * candidate is loaded only through its includer, once.
     */
    public Result load(List<Path> candidates) {
        throw new UnsupportedOperationException("not yet");
    }
}
