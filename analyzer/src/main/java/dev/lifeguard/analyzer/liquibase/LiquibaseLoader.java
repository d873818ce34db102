package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.discovery.FileSource;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.sql.SqlParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Liquibase changelogs (XML, YAML, JSON, formatted SQL) with Liquibase's own parsers, offline, into
 * histories: one per root changelog (a changelog no other candidate includes).
 *
 * <p>Liquibase interprets every changeSet and change (properties, contexts, attributes, rollbacks); this
 * package reads the files itself first, to know where everything stands and to keep untrusted input in
 * check: no DOCTYPE, no network, no path outside the root, bounded YAML aliases, no custom Java classes.
 */
public final class LiquibaseLoader {

    /** What loading produced: histories, the text of every file read (keyed by root-relative path), problems. */
    public record Result(List<History> histories, Map<Path, SourceFile> sources, List<LoadProblem> problems,
                         java.util.Set<Path> refused) {
        public Result(List<History> histories, Map<Path, SourceFile> sources, List<LoadProblem> problems) {
            this(histories, sources, problems, java.util.Set.of());
        }
    }

    private final Path root;
    private final Dialect dialect;
    private final SqlParser sql;
    private final Map<Path, String> overlay;
    private final FileSource files;
    private final ChangelogCache cache;
    private ChangeSetFilter filter = ChangeSetFilter.ALL;
    private java.util.function.Predicate<Path> excluded = p -> false;

    /**
     * @param root    project root (absolute, normalized): nothing outside it is read
     * @param dialect dialect to translate and generate SQL for
     * @param sql     parser for inline and generated SQL
     */
    public LiquibaseLoader(Path root, Dialect dialect, SqlParser sql) {
        this(root, dialect, sql, Map.of());
    }

    /** @param overlay text read instead of the disk, by root-relative path (the git index, for --staged) */
    public LiquibaseLoader(Path root, Dialect dialect, SqlParser sql, Map<Path, String> overlay) {
        this(root, dialect, sql, overlay, FileSource.DISK, ChangelogCache.NONE);
    }

    /**
     * @param files where changelog texts come from (the disk, or an editor's warm cache)
     * @param cache what an earlier load of the same texts yielded, reused file by file ({@link ChangelogCache#NONE}: nothing)
     */
    public LiquibaseLoader(Path root, Dialect dialect, SqlParser sql, Map<Path, String> overlay, FileSource files,
                           ChangelogCache cache) {
        this.root = root;
        this.dialect = dialect;
        this.sql = sql;
        this.overlay = Map.copyOf(overlay);
        this.files = files;
        this.cache = cache;
    }

    /**
     * Reads only the changeSets an update with these {@code --contexts} and {@code --label-filter} runs
     * (null for either: not given).
     */
    public LiquibaseLoader runningOnly(String contexts, String labelFilter) {
        this.filter = new ChangeSetFilter(contexts, labelFilter);
        return this;
    }

    /**
     * Leaves out the changelogs an include or includeAll reaches that the user excluded ({@code --exclude},
     * {@code exclude:}), as files found by discovery are.
     *
     * @param excluded whether a root-relative path is excluded
     */
    public LiquibaseLoader excluding(java.util.function.Predicate<Path> excluded) {
        this.excluded = excluded;
        return this;
    }

    /** Whether a file's text looks like a Liquibase changelog (cheap: no Liquibase classes loaded). */
    public static boolean isChangelog(Path file, String text) {
        return ChangelogFormat.detect(file, text).isPresent();
    }

    /**
     * Loads the given changelog candidates (absolute paths inside the root). A file included by another
     * candidate is loaded only through its includer, once. Never throws: what cannot be read is a problem.
     */
    public Result load(List<Path> candidates) {
        ProjectRoot projectRoot = new ProjectRoot(root);
        LiquibaseRuntime runtime = new LiquibaseRuntime(new ConfinedResourceAccessor(projectRoot, overlay), dialect);
        LoadContext ctx = new LoadContext(projectRoot, dialect, sql, runtime, overlay, files, cache);
        ctx.filter = filter;
        ctx.excluded = excluded;
        List<History> histories = new ArrayList<>();
        try {
            histories.addAll(runtime.inScope(() -> new ChangelogWalker(ctx).walk(candidates)));
        } catch (Exception | LinkageError | StackOverflowError e) {
            Path where = candidates.isEmpty() ? Path.of("") : projectRoot.relativize(root.resolve(candidates.get(0)));
            ctx.problems.add(new LoadProblem(SourceSpan.startOf(where), "Liquibase could not be started: "
                    + DocumentLoader.message(e)));
        }
        List<LoadProblem> problems = new ArrayList<>(ctx.problems);
        // written out: Comparator.comparing's own lambdas are linked anew at every start-up (not in the AOT cache)
        problems.sort((a, b) -> {
            int c = a.span().file().toString().compareTo(b.span().file().toString());
            return c != 0 ? c : Integer.compare(a.span().startLine(), b.span().startLine());
        });
        return new Result(List.copyOf(histories), new LinkedHashMap<>(ctx.sources), List.copyOf(problems),
                java.util.Set.copyOf(ctx.refused));
    }
}
