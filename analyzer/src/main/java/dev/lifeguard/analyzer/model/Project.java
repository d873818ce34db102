package dev.lifeguard.analyzer.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from the paths given: the histories, the text of every file read, what could not be
 * read, and the application code beside the migrations ({@link CodeBase#NONE} when there is none).
 * Paths are relative to {@code root}.
 */
public record Project(Path root, List<History> histories, Map<Path, SourceFile> sources, List<LoadProblem> problems,
                      CodeBase code) {

    public Project {
        histories = List.copyOf(histories);
        sources = Map.copyOf(sources);
        problems = List.copyOf(problems);
        code = code == null ? CodeBase.NONE : code;
    }

    /** A project without application code. */
    public Project(Path root, List<History> histories, Map<Path, SourceFile> sources, List<LoadProblem> problems) {
        this(root, histories, sources, problems, CodeBase.NONE);
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
