package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.discovery.FileSource;
import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.sql.SqlParser;

import java.io.IOException;
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
    /** Files a changelog names that were refused (too large...): reported here, so not read again as plain SQL. */
    final java.util.Set<Path> refused = new java.util.HashSet<>();

    private final Map<Path, String> overlay;
    final FileSource files;
    final ChangelogCache cache;
    /** The files read while one changelog is being loaded, for {@link ChangelogCache} (null otherwise). */
    private Map<Path, SourceFile> recording;

    LoadContext(ProjectRoot root, Dialect dialect, SqlParser sql, LiquibaseRuntime runtime) {
        this(root, dialect, sql, runtime, Map.of());
    }

    LoadContext(ProjectRoot root, Dialect dialect, SqlParser sql, LiquibaseRuntime runtime, Map<Path, String> overlay) {
        this(root, dialect, sql, runtime, overlay, FileSource.DISK, ChangelogCache.NONE);
    }

    LoadContext(ProjectRoot root, Dialect dialect, SqlParser sql, LiquibaseRuntime runtime, Map<Path, String> overlay,
                FileSource files, ChangelogCache cache) {
        this.root = root;
        this.dialect = dialect;
        this.sql = sql;
        this.runtime = runtime;
        this.overlay = overlay;
        this.files = files;
        this.cache = cache;
    }

    /** Starts recording the files read (a changelog's own and its sqlFile targets); returns the previous recording. */
    Map<Path, SourceFile> record(Map<Path, SourceFile> into) {
        Map<Path, SourceFile> previous = recording;
        recording = into;
        return previous;
    }

    /** Reads a file inside the root once (UTF-8, falling back to Latin-1; BOM dropped) and records it. */
    SourceFile read(Path absolute) throws IOException {
        Path rel = root.relativize(absolute);
        SourceFile known = sources.get(rel);
        if (known != null) {
            if (recording != null) {
                recording.put(rel, known);
            }
            return known;
        }
        if (!root.contains(absolute)) {
            throw new IOException(rel + " is outside the project root");
        }
        String replaced = overlay.get(rel);
        SourceFile file;
        try {
            if (replaced != null && replaced.length() > SourceReader.MAX_BYTES) {
                throw new SourceReader.Refused("is larger than " + SourceReader.MAX_BYTES / (1024 * 1024) + " MB");
            }
            // capped like every read (FileSource reads through SourceReader.bytes); UTF-16 and UTF-32 changelogs
            // are decoded as Liquibase decodes them
            file = replaced != null ? new SourceFile(rel, SourceReader.withoutBom(replaced))
                    : files.readLenient(absolute, rel);
        } catch (SourceReader.Refused e) {
            refused.add(rel);
            throw e;
        }
        sources.put(rel, file);
        if (recording != null) {
            recording.put(rel, file);
        }
        return file;
    }

    void problem(SourceSpan at, String message) {
        problems.add(new LoadProblem(at, oneLine(message)));
    }

    /** A parser's message may quote the input, line breaks included: a finding's message is one line. */
    static String oneLine(String message) {
        String m = message.replaceAll("\\s*\\R\\s*", " ").strip();
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    void problem(Path relativeFile, int line, String message) {
        // a parser's mark may stand past the last line (the end of input after a final line break): the last line
        SourceFile file = sources.get(relativeFile);
        int last = file == null ? Integer.MAX_VALUE : file.lineCount();
        problems.add(new LoadProblem(SourceSpan.ofLine(relativeFile, Math.max(1, Math.min(line, last))), oneLine(message)));
    }
}
