package dev.lifeguard.analyzer;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Texts that stand in for files on disk: an editor's unsaved buffer (the language server lints what the
 * developer sees, with the other migrations of its history read from disk as context).
 *
 * @param texts file text by path relative to the project root (normalized)
 */
public record SourceOverlay(Map<Path, String> texts) {
    private static final SourceOverlay NONE = new SourceOverlay(Map.of());

    public SourceOverlay {
        texts = Map.copyOf(texts);
    }

    /** Every file as it is on disk. */
    public static SourceOverlay none() {
        return NONE;
    }

    /** The text standing in for a root-relative file, if any. */
    public Optional<String> text(Path relative) {
        return texts.isEmpty() ? Optional.empty() : Optional.ofNullable(texts.get(relative.normalize()));
    }

    public Set<Path> paths() {
        return texts.keySet();
    }
}
