package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.sql.SqlParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one load shares: the root, the SQL parser, Liquibase, every file read and every problem met. */
final class LoadContext {
    final ProjectRoot root;
    final Dialect dialect;
    final SqlParser sql;
    final LiquibaseRuntime runtime;
    final Map<Path, SourceFile> sources = new LinkedHashMap<>();
    /** The contexts and label filter configured: changeSets they leave out are not read into the history. */
    ChangeSetFilter filter = ChangeSetFilter.ALL;
    /** Root-relative paths the user excluded: a changelog an include reaches there is not read. */
    java.util.function.Predicate<Path> excluded = p -> false;
    final List<LoadProblem> problems = new ArrayList<>();

    private final Map<Path, String> overlay;

    LoadContext(ProjectRoot root, Dialect dialect, SqlParser sql, LiquibaseRuntime runtime) {
        this(root, dialect, sql, runtime, Map.of());
    }

    LoadContext(ProjectRoot root, Dialect dialect, SqlParser sql, LiquibaseRuntime runtime, Map<Path, String> overlay) {
        this.root = root;
        this.dialect = dialect;
        this.sql = sql;
        this.runtime = runtime;
        this.overlay = overlay;
    }

    /** Reads a file inside the root once (UTF-8, falling back to Latin-1; BOM dropped) and records it. */
    SourceFile read(Path absolute) throws IOException {
        Path rel = root.relativize(absolute);
        SourceFile known = sources.get(rel);
        if (known != null) {
            return known;
        }
        if (!root.contains(absolute)) {
            throw new IOException(rel + " is outside the project root");
        }
        String replaced = overlay.get(rel);
        if (replaced != null) {
            SourceFile file = new SourceFile(rel, SourceReader.withoutBom(replaced));
            sources.put(rel, file);
            return file;
        }
        SourceFile file = new SourceFile(rel, SourceReader.withoutBom(SourceReader.lenient(Files.readAllBytes(absolute))));
        sources.put(rel, file);
        return file;
    }

    void problem(SourceSpan at, String message) {
        problems.add(new LoadProblem(at, message));
    }

    void problem(Path relativeFile, int line, String message) {
        problems.add(new LoadProblem(SourceSpan.ofLine(relativeFile, Math.max(1, line)), message));
    }
}
