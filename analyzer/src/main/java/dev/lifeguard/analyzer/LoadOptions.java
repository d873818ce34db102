package dev.lifeguard.analyzer;

import dev.lifeguard.analyzer.model.Dialect;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to read.
 *
 * @param root     the project root: nothing outside it is ever read (absolute, normalized)
 * @param paths    files, directories or glob patterns given by the user (absolute or relative to root)
 * @param dialect  the dialect to read SQL in; null means detect, and fall back to PostgreSQL
 * @param excludes glob patterns (relative to root) of files to leave out
 * @param code     application code directories (absolute or relative to root); null means the
 *                 {@code src/main} trees beside the migrations, when there are any; empty means none
 * @param overlay  text to read instead of the file on disk, by root-relative path: {@code --staged} lints
 *                 what the git index holds, which may differ from the working tree. Listing still comes
 *                 from the disk, so a file must exist there to be found.
 */
public record LoadOptions(Path root, List<String> paths, Dialect dialect, List<String> excludes, List<String> code,
                          Map<Path, String> overlay) {

    public LoadOptions {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        code = code == null ? null : List.copyOf(code);
        overlay = Map.copyOf(overlay);
    }

    /** Options with the default code directories and nothing overlaid. */
    public LoadOptions(Path root, List<String> paths, Dialect dialect, List<String> excludes) {
        this(root, paths, dialect, excludes, null, Map.of());
    }
}
