package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.SourceFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Files by root-relative path and text, for testing layouts without a disk. */
final class InMemoryFiles implements MigrationFiles {
    private final Map<Path, String> texts = new TreeMap<>();

    InMemoryFiles add(String path, String text) {
        texts.put(Path.of(path), text);
        return this;
    }

    /** Adds files with a trivial statement each. */
    InMemoryFiles sql(String... paths) {
        for (String p : paths) {
            add(p, "SELECT 1;\n");
        }
        return this;
    }

    List<Path> all() {
        return List.copyOf(texts.keySet());
    }

    @Override
    public List<Path> list(Path directory) {
        return texts.keySet().stream().filter(p -> MigrationFiles.parentOf(p).equals(directory)).toList();
    }

    @Override
    public Optional<SourceFile> read(Path file) {
        return Optional.ofNullable(texts.get(file)).map(t -> new SourceFile(file, t));
    }
}
