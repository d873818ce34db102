package dev.lifeguard.analyzer;

import dev.lifeguard.analyzer.discovery.ChangelogCandidates;
import dev.lifeguard.analyzer.discovery.DiskMigrationFiles;
import dev.lifeguard.analyzer.discovery.HistoryAssembler;
import dev.lifeguard.analyzer.discovery.LayoutDetector;
import dev.lifeguard.analyzer.discovery.PathCollector;
import dev.lifeguard.analyzer.discovery.PlannedHistory;
import dev.lifeguard.analyzer.discovery.ProjectRoot;
import dev.lifeguard.analyzer.liquibase.LiquibaseLoader;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.Project;
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
 *
 * <p>An overlay (root-relative path to text) stands in for what is on disk: an editor lints the buffer
 * being typed while the rest of the history comes from disk.
 */
public final class ProjectLoader {
    private final Map<Path, String> overlay;

    public ProjectLoader() {
        this(Map.of());
    }

    /** @param overlay root-relative paths whose text is read from here instead of from disk */
    public ProjectLoader(Map<Path, String> overlay) {
        this.overlay = Map.copyOf(overlay);
    }

    /**
     * @throws LoadException for usage errors (a path that does not exist or lies outside the root); files
     *                       that cannot be read become {@link dev.lifeguard.analyzer.model.LoadProblem}s instead
     */
    public Project load(LoadOptions options) throws LoadException {
        ProjectRoot root = new ProjectRoot(options.root(), options.excludes());
        List<String> paths = options.paths().isEmpty() ? List.of(".") : options.paths();
        PathCollector.Collected collected = new PathCollector(root).collect(paths);
        Dialect dialect = dialect(options);
        SqlParser parser = new SqlParser(dialect);
        DiskMigrationFiles files = new DiskMigrationFiles(root, overlay);

        List<History> histories = new ArrayList<>();
        Map<Path, SourceFile> sources = new LinkedHashMap<>();
        List<LoadProblem> problems = new ArrayList<>(collected.problems());

        List<Path> changelogs = new ChangelogCandidates(root, files, overlay).find(collected.files());
        Set<Path> readByLiquibase = new HashSet<>(changelogs);
        if (!changelogs.isEmpty()) {
            loadLiquibase(root, dialect, parser, changelogs, histories, sources, problems, overlay);
            readByLiquibase.addAll(sources.keySet());
        }

        List<Path> sqlFiles = collected.files().stream()
                .filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql"))
                .filter(f -> !readByLiquibase.contains(f))
                .toList();
        LayoutDetector.Plan plan = new LayoutDetector().plan(sqlFiles, files, dialect);
        HistoryAssembler assembler = new HistoryAssembler(parser, files);
        for (PlannedHistory planned : plan.histories()) {
            histories.add(assembler.assemble(planned, dialect));
        }
        assembler.sources().forEach(sources::putIfAbsent);
        problems.addAll(files.problems());
        problems.addAll(plan.problems());
        problems.addAll(assembler.problems());
        return new Project(root.path(), histories, sources, problems);
    }

    /**
     * The one place the dialect is decided: the user's choice, else PostgreSQL. Detection from the files
     * (JDBC URLs, Flyway/Liquibase config, SQL syntax) belongs here when it comes.
     */
    static Dialect dialect(LoadOptions options) {
        return options.dialect() != null ? options.dialect() : Dialect.POSTGRESQL;
    }

    private static void loadLiquibase(ProjectRoot root, Dialect dialect, SqlParser parser, List<Path> changelogs,
                                      List<History> histories, Map<Path, SourceFile> sources,
                                      List<LoadProblem> problems, Map<Path, String> overlay) {
        List<Path> absolute = changelogs.stream().map(root::absolute).toList();
        try {
            LiquibaseLoader.Result result = new LiquibaseLoader(root.path(), dialect, parser, overlay).load(absolute);
            histories.addAll(result.histories());
            sources.putAll(result.sources());
            problems.addAll(result.problems());
        } catch (RuntimeException | LinkageError e) {
            // the loader promises not to throw; if it does, the changelogs are reported, the SQL still read
            for (Path changelog : changelogs) {
                problems.add(new LoadProblem(SourceSpan.startOf(changelog),
                        "could not read this Liquibase changelog (" + e.getClass().getSimpleName() + "): not checked"));
            }
        }
    }
}
