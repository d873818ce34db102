package dev.lifeguard.analyzer.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from the paths given: the histories, the text of every file read, and what could not
 * be read. Paths are relative to {@code root}. {@code dialect} says which database the project was linted
 * for and how that was decided (a history may still carry its own, detected from its path).
 */
public record Project(Path root, List<History> histories, Map<Path, SourceFile> sources, List<LoadProblem> problems,
                      DialectChoice dialect) {

    public Project {
        histories = List.copyOf(histories);
        sources = Map.copyOf(sources);
        problems = List.copyOf(problems);
        if (dialect == null) {
            dialect = DialectChoice.given(histories.isEmpty() ? Dialect.POSTGRESQL : histories.get(0).dialect());
        }
    }

    /** A project built by hand (tests): its dialect counts as given, the first history's. */
    public Project(Path root, List<History> histories, Map<Path, SourceFile> sources, List<LoadProblem> problems) {
        this(root, histories, sources, problems, null);
    }

    public Optional<SourceFile> source(Path file) {
        return Optional.ofNullable(sources.get(file));
    }

    public int migrationCount() {
        return histories.stream().mapToInt(h -> h.migrations().size()).sum();
    }
}
