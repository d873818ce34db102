package dev.lifeguard.analyzer.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from the paths given: the histories, the text of every file read, what could not be
 * read, and the application code beside the migrations ({@link CodeBase#NONE} when there is none).
 * Paths are relative to {@code root}. {@code dialect} says which database the project was linted for and
 * how that was decided (a history may still carry its own, detected from its path). {@code sessionDefaults} are
 * the session settings the deployment applies to every migration outside them (Flyway initSql, JDBC URL options).
 */
public record Project(Path root, List<History> histories, Map<Path, SourceFile> sources, List<LoadProblem> problems,
                      CodeBase code, DialectChoice dialect, SessionDefaults sessionDefaults) {

    public Project {
        histories = List.copyOf(histories);
        sources = Map.copyOf(sources);
        problems = List.copyOf(problems);
        code = code == null ? CodeBase.NONE : code;
        if (dialect == null) {
            dialect = DialectChoice.given(histories.isEmpty() ? Dialect.POSTGRESQL : histories.get(0).dialect());
        }
        sessionDefaults = sessionDefaults == null ? SessionDefaults.NONE : sessionDefaults;
    }

    /** A project whose deployment sets no session defaults Lifeguard knows of. */
    public Project(Path root, List<History> histories, Map<Path, SourceFile> sources, List<LoadProblem> problems,
                   CodeBase code, DialectChoice dialect) {
        this(root, histories, sources, problems, code, dialect, null);
    }

    /** A project built by hand (tests): no application code; its dialect counts as given, the first history's. */
    public Project(Path root, List<History> histories, Map<Path, SourceFile> sources, List<LoadProblem> problems) {
        this(root, histories, sources, problems, CodeBase.NONE, null, null);
    }

    /** A project with application code; its dialect counts as given, the first history's. */
    public Project(Path root, List<History> histories, Map<Path, SourceFile> sources, List<LoadProblem> problems,
                   CodeBase code) {
        this(root, histories, sources, problems, code, null, null);
    }

    /** A file read with the project, or a code file the code index has read by now. */
    public Optional<SourceFile> source(Path file) {
        SourceFile read = sources.get(file);
        return read != null ? Optional.of(read) : code.loaded(file);
    }

    public int migrationCount() {
        return histories.stream().mapToInt(h -> h.migrations().size()).sum();
    }
}
