package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.SourceOverlay;
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

/**
 * {@link MigrationFiles} on disk, inside the root only; each file is read once. A file in the overlay is
 * read from there instead (an editor's unsaved text), and is listed in its directory even if not yet saved.
 */
public final class DiskMigrationFiles implements MigrationFiles {
    private final ProjectRoot root;
    private final SourceReader reader;
    private final SourceOverlay overlay;
    private final Map<Path, Optional<SourceFile>> read = new HashMap<>();
    private final Map<Path, List<Path>> listings = new HashMap<>();
    private final Map<Path, Set<Path>> listedSets = new HashMap<>();
    private final List<LoadProblem> problems = new ArrayList<>();

    public DiskMigrationFiles(ProjectRoot root) {
        this(root, SourceOverlay.none());
    }

    public DiskMigrationFiles(ProjectRoot root, SourceOverlay overlay) {
        this.root = root;
        this.reader = new SourceReader(root);
        this.overlay = overlay;
    }

    @Override
    public List<Path> list(Path directory) {
        return listings.computeIfAbsent(directory, this::listOnDisk);
    }

    private List<Path> listOnDisk(Path directory) {
        List<Path> unsaved = overlay.paths().stream().filter(p -> MigrationFiles.parentOf(p).equals(directory)).toList();
        Path absolute = root.absolute(directory);
        if (!Files.isDirectory(absolute) || !root.isInside(absolute)) {
            return unsaved;
        }
        try (Stream<Path> entries = Files.list(absolute)) {
            List<Path> onDisk = entries.map(root::relative).filter(root::isReadableFile).toList();
            return Stream.concat(onDisk.stream(), unsaved.stream().filter(p -> !onDisk.contains(p))).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return unsaved;
        }
    }

    @Override
    public Optional<String> unsaved(Path file) {
        return overlay.text(file);
    }

    @Override
    public boolean exists(Path file) {
        return listedSets.computeIfAbsent(MigrationFiles.parentOf(file), d -> Set.copyOf(list(d))).contains(file);
    }

    @Override
    public Optional<SourceFile> read(Path file) {
        return read.computeIfAbsent(file, f -> {
            Optional<String> unsaved = overlay.text(f);
            if (unsaved.isPresent()) {
                return Optional.of(new SourceFile(f, unsaved.get()));
            }
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
