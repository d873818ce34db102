package dev.lifeguard.analyzer.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from the paths given: the histories, the text of every file read, and what could not
 * be read. Paths are relative to {@code root}.
 */
public record Project(Path root, List<History> histories, Map<Path, SourceFile> sources, List<LoadProblem> problems) {

    public Project {
        histories = List.copyOf(histories);
        sources = Map.copyOf(sources);
        problems = List.copyOf(problems);
    }

    public Optional<SourceFile> source(Path file) {
        return Optional.ofNullable(sources.get(file));
    }

    public int migrationCount() {
        return histories.stream().mapToInt(h -> h.migrations().size()).sum();
    }
}
