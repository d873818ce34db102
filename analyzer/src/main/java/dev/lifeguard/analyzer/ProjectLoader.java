package dev.lifeguard.analyzer;

import dev.lifeguard.analyzer.code.CodeBaseLoader;
import dev.lifeguard.analyzer.dialect.DialectDetector;
import dev.lifeguard.analyzer.dialect.SessionDefaultsInConfig;
import dev.lifeguard.analyzer.discovery.ChangelogCandidates;
import dev.lifeguard.analyzer.discovery.DiskMigrationFiles;
import dev.lifeguard.analyzer.discovery.HistoryAssembler;
import dev.lifeguard.analyzer.discovery.LayoutDetector;
import dev.lifeguard.analyzer.discovery.PathCollector;
import dev.lifeguard.analyzer.discovery.PlannedHistory;
import dev.lifeguard.analyzer.discovery.ProjectRoot;
import dev.lifeguard.analyzer.liquibase.LiquibaseLoader;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.DialectChoice;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SessionDefaults;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.sql.SqlParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds migrations under the given paths, detects each directory's layout (Flyway, golang-migrate,
 * dbmate, diesel, Prisma, plain SQL, Liquibase) and reads them into a {@link Project}.
 *
 * <p>Liquibase changelogs go first, all to one loader, so that a SQL file a changelog includes
 * ({@code sqlFile}, formatted SQL) is read through the changelog only and not a second time as a plain
 * SQL migration.
 */
public final class ProjectLoader {
    private final LoadCache cache;

    /** A loader that reads everything from the disk, once (the command line). */
    public ProjectLoader() {
        this(LoadCache.NONE);
    }

    /** A loader that reuses what {@code cache} kept from earlier loads (an editor's warm project). */
    public ProjectLoader(LoadCache cache) {
        this.cache = cache;
    }

    /**
     * @throws LoadException for usage errors (a path that does not exist or lies outside the root); files
     *                       that cannot be read become {@link dev.lifeguard.analyzer.model.LoadProblem}s instead
     */
    public Project load(LoadOptions options) throws LoadException {
        ProjectRoot root = new ProjectRoot(options.root(), options.excludes());
        List<String> paths = options.paths().isEmpty() ? List.of(".") : options.paths();
        PathCollector.Collected collected = cache.collect(paths, () -> new PathCollector(root).collect(paths));
        DialectChoice choice = options.dialect() == null && cache.dialect().isPresent() ? cache.dialect().get()
                : dialect(options, root, collected.files());
        Dialect dialect = choice.dialect();
        SqlParser parser = new SqlParser(dialect);
        DiskMigrationFiles files = new DiskMigrationFiles(root, options.overlay(), cache.files());

        List<History> histories = new ArrayList<>();
        Map<Path, SourceFile> sources = new LinkedHashMap<>();
        List<LoadProblem> problems = new ArrayList<>(collected.problems());

        List<Path> changelogs = cache.discover(List.of("changelogs", collected.files()), files,
                f -> new ChangelogCandidates(root, f).find(collected.files()));
        Set<Path> readByLiquibase = new HashSet<>(changelogs);
        if (!changelogs.isEmpty()) {
            loadLiquibase(root, dialect, parser, changelogs, options, cache, histories, sources, problems,
                    readByLiquibase);
            readByLiquibase.addAll(sources.keySet());
        }

        List<Path> sqlFiles = collected.files().stream()
                .filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql"))
                .filter(f -> !readByLiquibase.contains(f))
                .toList();
        // what the user named is linted whatever its name; nothing is named when Lifeguard looks by itself
        Set<Path> namedPaths = options.discover() ? Set.of() : collected.named();
        LayoutDetector.Plan plan = cache.discover(List.of("plan", sqlFiles, dialect, namedPaths), files,
                f -> new LayoutDetector().plan(sqlFiles, f, dialect, namedPaths::contains));
        Map<Dialect, HistoryAssembler> assemblers = new LinkedHashMap<>();
        assemblers.put(dialect, new HistoryAssembler(parser, files, cache::parse, cache.checkpoint()));
        List<String> byPath = new ArrayList<>();
        for (PlannedHistory planned : plan.histories()) {
            Dialect own = choice.source() == DialectChoice.Source.GIVEN ? dialect
                    : DialectDetector.forFiles(planned.migrations().stream().map(m -> m.file()).toList()).orElse(dialect);
            if (own != dialect) {
                byPath.add(planned.location().toString().replace('\\', '/') + " as " + own.id());
            }
            histories.add(assemblers.computeIfAbsent(own, d -> new HistoryAssembler(new SqlParser(d), files, cache::parse,
                    cache.checkpoint())).assemble(planned, own));
        }
        for (HistoryAssembler assembler : assemblers.values()) {
            assembler.sources().forEach(sources::putIfAbsent);
            problems.addAll(assembler.problems());
        }
        problems.addAll(files.problems());
        problems.addAll(plan.problems());
        CodeBaseLoader.Result code = cache.code().isPresent() ? cache.code().get()
                : CodeBaseLoader.load(root, options.code(), histories, sources.keySet());
        code.sources().forEach(sources::putIfAbsent);
        problems.addAll(code.problems());
        if (!byPath.isEmpty()) {
            choice = choice.withNote("by their path: " + String.join(", ", byPath));
        }
        // read only when a rule asks (missing-lock-timeout about to report): it walks the tree
        SessionDefaults sessionDefaults = SessionDefaults.memoized(
                () -> SessionDefaultsInConfig.find(root.path(), root::isExcluded));
        return new Project(root.path(), histories, sources, problems, code.code(), choice, sessionDefaults);
    }

    /**
     * The one place the dialect is decided: the user's choice (--dialect, lifeguard.yml), else what the
     * repository says ({@link DialectDetector}), else PostgreSQL, marked as assumed. A history whose own
     * path names another database is still read for that one (see {@link #load}).
     */
    static DialectChoice dialect(LoadOptions options, ProjectRoot root, List<Path> files) {
        if (options.dialect() != null) {
            return DialectChoice.given(options.dialect());
        }
        return new DialectDetector(root.path(), root::isExcluded).detect(files);
    }

    private static void loadLiquibase(ProjectRoot root, Dialect dialect, SqlParser parser, List<Path> changelogs,
                                      LoadOptions options, LoadCache cache, List<History> histories,
                                      Map<Path, SourceFile> sources, List<LoadProblem> problems, Set<Path> claimed) {
        List<Path> absolute = changelogs.stream().map(root::absolute).toList();
        try {
            cache.changelogs().checkpoint(cache.checkpoint());
            LiquibaseLoader.Result result = new LiquibaseLoader(root.path(), dialect, parser, options.overlay(),
                    cache.files(), cache.changelogs())
                    .runningOnly(options.liquibase().contexts(), options.liquibase().labelFilter())
                    .excluding(root::isExcluded).load(absolute);
            histories.addAll(result.histories());
            sources.putAll(result.sources());
            problems.addAll(result.problems());
            claimed.addAll(result.refused()); // reported by the changelog that names them, once
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // the loader promises not to throw; if it does, the changelogs are reported, the SQL still read
            for (Path changelog : changelogs) {
                problems.add(new LoadProblem(SourceSpan.startOf(changelog),
                        "could not read this Liquibase changelog (" + Failures.describe(e) + "): not checked"));
            }
        }
    }
}
