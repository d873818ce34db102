package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.SourceFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** {@link MigrationFiles} on disk, inside the root only; each file is read once. */
public final class DiskMigrationFiles implements MigrationFiles {
    private final ProjectRoot root;
    private final SourceReader reader;
    private final Map<Path, Optional<SourceFile>> read = new HashMap<>();
    private final Map<Path, List<Path>> listings = new HashMap<>();
    private final Map<Path, Set<Path>> listedSets = new HashMap<>();
    private final List<LoadProblem> problems = new ArrayList<>();

    public DiskMigrationFiles(ProjectRoot root) {
        this(root, Map.of());
    }

    /** @param overlay root-relative paths whose text is taken from here instead of from disk */
    public DiskMigrationFiles(ProjectRoot root, Map<Path, String> overlay) {
        this.root = root;
        this.reader = new SourceReader(root, overlay);
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
        return read.computeIfAbsent(file, f -> {
            SourceReader.Result result = reader.read(f);
            if (result.problem() != null) {
                problems.add(result.problem());
            }
            return Optional.ofNullable(result.file());
        });
    }

    /** Why files could not be read, in the order they were tried. */
    public List<LoadProblem> problems() {
        return List.copyOf(problems);
    }
}
