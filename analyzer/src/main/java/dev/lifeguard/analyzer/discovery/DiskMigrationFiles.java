package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.SourceFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** {@link MigrationFiles} on disk, inside the root only; each file is read once. */
public final class DiskMigrationFiles implements MigrationFiles {
    private final ProjectRoot root;
    private final SourceReader reader;
    private final Map<Path, String> overlay;
    private final Map<Path, SourceReader.Result> read = new HashMap<>();
    private final Set<Path> reported = new HashSet<>();
    private final Map<Path, List<Path>> listings = new HashMap<>();
    private final Map<Path, Set<Path>> listedSets = new HashMap<>();
    private final List<LoadProblem> problems = new ArrayList<>();

    public DiskMigrationFiles(ProjectRoot root) {
        this(root, Map.of());
    }

    /** @param overlay text that replaces a file's content on disk, by root-relative path (see LoadOptions) */
    public DiskMigrationFiles(ProjectRoot root, Map<Path, String> overlay) {
        this.root = root;
        this.overlay = Map.copyOf(overlay);
        this.reader = new SourceReader(root, overlay);
    }

    @Override
    public Optional<String> unsaved(Path file) {
        return overlay.isEmpty() ? Optional.empty() : Optional.ofNullable(overlay.get(file.normalize()));
    }

    @Override
    public List<Path> list(Path directory) {
        return listings.computeIfAbsent(directory, this::listOnDisk);
    }

    private List<Path> listOnDisk(Path directory) {
        Path absolute = root.absolute(directory);
        if (!Files.isDirectory(absolute) || !root.isInside(absolute)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(absolute)) {
            return entries.map(root::relative).filter(root::isReadableFile).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public boolean exists(Path file) {
        return listedSets.computeIfAbsent(MigrationFiles.parentOf(file), d -> Set.copyOf(list(d))).contains(file);
    }

    @Override
    public Optional<SourceFile> read(Path file) {
        SourceReader.Result result = result(file);
        if (result.problem() != null && reported.add(file)) {
            problems.add(result.problem());
        }
        return Optional.ofNullable(result.file());
    }

    /**
     * As {@link #read}, without recording why a file could not be read (a later {@link #read} records it): for a
     * look at a file that may turn out not to be a migration at all (a Liquibase changelog is read by Liquibase).
     */
    Optional<SourceFile> readUnreported(Path file) {
        return Optional.ofNullable(result(file).file());
    }

    private SourceReader.Result result(Path file) {
        return read.computeIfAbsent(file, reader::read);
    }

    /** Why files could not be read, in the order they were tried. */
    public List<LoadProblem> problems() {
        return List.copyOf(problems);
    }
}
