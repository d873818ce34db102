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
 * @param discover the paths are where to look, not what to lint: nothing was named, so a directory is
 *                 linted only where it looks like migrations (see {@code discovery.MigrationDirectories}),
 *                 the directories given included; otherwise a directory given is linted whole, and only
 *                 what is found below it must look like migrations
 * @param liquibase which Liquibase changeSets an update runs ({@code --contexts}, {@code --label-filter})
 */
public record LoadOptions(Path root, List<String> paths, Dialect dialect, List<String> excludes, List<String> code,
                          Map<Path, String> overlay, boolean discover, LiquibaseFilter liquibase) {

    /**
     * Liquibase's {@code --contexts} (a list) and {@code --label-filter} (an expression); null: not given,
     * every changeSet runs, as Liquibase runs them without.
     */
    public record LiquibaseFilter(String contexts, String labelFilter) {
        public static final LiquibaseFilter ALL = new LiquibaseFilter(null, null);
    }

    public LoadOptions {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        code = code == null ? null : List.copyOf(code);
        overlay = Map.copyOf(overlay);
        liquibase = liquibase == null ? LiquibaseFilter.ALL : liquibase;
    }

    /** Options that lint the paths as named, every Liquibase changeSet. */
    public LoadOptions(Path root, List<String> paths, Dialect dialect, List<String> excludes, List<String> code,
                       Map<Path, String> overlay) {
        this(root, paths, dialect, excludes, code, overlay, false, LiquibaseFilter.ALL);
    }

    /** These options with nothing named: the paths are only where to look for migrations. */
    public LoadOptions discovering() {
        return new LoadOptions(root, paths, dialect, excludes, code, overlay, true, liquibase);
    }

    /** These options running only the Liquibase changeSets the filter lets through. */
    public LoadOptions withLiquibase(LiquibaseFilter filter) {
        return new LoadOptions(root, paths, dialect, excludes, code, overlay, discover, filter);
    }

    /** Options with the default code directories and nothing overlaid. */
    public LoadOptions(Path root, List<String> paths, Dialect dialect, List<String> excludes) {
        this(root, paths, dialect, excludes, null, Map.of());
    }
}
