package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.SourceFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link MigrationFiles} on disk, inside the root only; each file is read once. */
public final class DiskMigrationFiles implements MigrationFiles {
    private final ProjectRoot root;
    private final FileSource source;
    private final Map<Path, String> overlay;
    private final Map<Path, SourceReader.Result> read = new HashMap<>();
    /** Files whose read failure was recorded (a probe alone records nothing: the caller may read it otherwise). */
    private final Set<Path> said = new java.util.HashSet<>();
    private final Map<Path, List<Path>> listings = new HashMap<>();
    private final Map<Path, Set<Path>> listedSets = new HashMap<>();
    private final List<LoadProblem> problems = new ArrayList<>();

    public DiskMigrationFiles(ProjectRoot root) {
        this(root, Map.of());
    }

    /** @param overlay text that replaces a file's content on disk, by root-relative path (see LoadOptions) */
    public DiskMigrationFiles(ProjectRoot root, Map<Path, String> overlay) {
        this(root, overlay, FileSource.DISK);
    }

    /** @param source where texts and listings come from when not overlaid (the disk, or an editor's warm cache) */
    public DiskMigrationFiles(ProjectRoot root, Map<Path, String> overlay, FileSource source) {
        this.root = root;
        this.overlay = Map.copyOf(overlay);
        this.source = source;
    }

    @Override
    public Optional<String> unsaved(Path file) {
        return overlay.isEmpty() ? Optional.empty() : Optional.ofNullable(overlay.get(file.normalize()));
    }

    @Override
    public List<Path> list(Path directory) {
        return listings.computeIfAbsent(directory, d -> source.list(root, d));
    }

    @Override
    public boolean exists(Path file) {
        return listedSets.computeIfAbsent(MigrationFiles.parentOf(file), d -> Set.copyOf(list(d))).contains(file);
    }

    @Override
    public Optional<SourceFile> read(Path file) {
        SourceReader.Result result = result(file);
        if (result.problem() != null && said.add(file)) {
            problems.add(result.problem());
        }
        return Optional.ofNullable(result.file());
    }

    @Override
    public <T> Optional<T> probe(Path file, java.util.function.Function<String, T> look) {
        return Optional.ofNullable(result(file).file()).map(SourceFile::text).map(look);
    }

    @Override
    public Optional<String> head(Path file, int bytes) {
        return Optional.ofNullable(source.head(root, file, bytes));
    }

    /**
     * Reads these files from the disk ahead of their first use, in parallel when there are many (reading and
     * decoding a file depends on nothing else); failures are kept as a later read would find them, and recorded
     * only when the file is read. Files with unsaved text, or from an editor's cache, are left to that read.
     */
    void prefetch(List<Path> files) {
        if (source != FileSource.DISK || files.size() < PARALLEL_FROM) {
            return;
        }
        List<Path> todo = files.stream().filter(f -> !read.containsKey(f) && !overlay.containsKey(f.normalize())).toList();
        SourceReader.Result[] results = new SourceReader.Result[todo.size()];
        java.util.stream.IntStream.range(0, todo.size()).parallel().forEach(i -> results[i] = source.read(root, todo.get(i)));
        for (int i = 0; i < results.length; i++) {
            read.putIfAbsent(todo.get(i), results[i]);
        }
    }

    /** From how many files reading ahead goes parallel (as the parse: HistoryAssembler). */
    private static final int PARALLEL_FROM = 32;

    private SourceReader.Result result(Path file) {
        return read.computeIfAbsent(file, f -> {
            String replaced = overlay.get(f.normalize());
            return replaced != null ? new SourceReader(root, overlay).read(f) : source.read(root, f);
        });
    }

    /** Why files could not be read, in the order they were tried. */
    public List<LoadProblem> problems() {
        return List.copyOf(problems);
    }
}
