package dev.lifeguard.analyzer.warm;

import dev.lifeguard.analyzer.Checkpoint;
import dev.lifeguard.analyzer.LoadCache;
import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.code.CodeBaseLoader;
import dev.lifeguard.analyzer.code.CodeIndexCache;
import dev.lifeguard.analyzer.discovery.FileSource;
import dev.lifeguard.analyzer.discovery.MigrationFiles;
import dev.lifeguard.analyzer.discovery.PathCollector;
import dev.lifeguard.analyzer.discovery.ProjectRoot;
import dev.lifeguard.analyzer.liquibase.ChangelogCache;
import dev.lifeguard.analyzer.liquibase.LiquibaseLoader;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.DialectChoice;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.sql.SqlParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One project as an editor keeps it warm between checks: the file texts ({@link FileStore}), the SQL parsed
 * from each, what each Liquibase changelog yielded, the dialect and the application code decided for the
 * whole project, and the code index, each kept per file and forgotten file by file when the file changes
 * ({@link #changed}, {@link #sweep}). Loading goes through the same {@link ProjectLoader} as
 * {@code lifeguard lint}, so what an editor shows is what the command line reports; only the work differs.
 *
 * <p>The whole project is read once, to learn each migration file's history; after that checking a file reads
 * only its history, with the editor's text in place of the file, and everything unchanged comes from memory:
 * re-checking an edited migration parses that migration and nothing else.
 */
public final class WarmProject {
    private static final Set<String> MIGRATION_EXTENSIONS = Set.of("sql", "xml", "yaml", "yml", "json");
    private static final Set<String> STRUCTURED = Set.of("xml", "yaml", "yml", "json");

    /** A discovery step's result and what it looked at. */
    private record Discovered(Object result, Probes probes) {
    }

    /** The SQL parsed from one text of a file, by region. */
    private record Parses(SourceFile file, Dialect dialect, Map<Long, List<Operation>> regions) {
    }

    private final Path root;
    private final FileStore store;
    private final ChangelogCache changelogs = ChangelogCache.create();
    private final CodeIndexCache codeIndex;
    private final Map<Path, Parses> parses = new ConcurrentHashMap<>();
    /** Discovery steps of history loads and what they looked at. */
    private final Map<Object, Discovered> discovered = new ConcurrentHashMap<>();
    /** The files each history location's paths named, until a file is created or deleted. */
    private final Map<List<String>, PathCollector.Collected> collections = new ConcurrentHashMap<>();

    /** The options the whole project was read with (paths ".", no editor text); null until it is. */
    private LoadOptions wholeOptions;
    private Project whole;
    /** Every migration file or source the whole-project read took in (root-relative). */
    private Set<Path> collected = Set.of();
    /** SQL files the project was read again for and which turned out to be no migration (until the next read). */
    private final Set<Path> passedOver = new HashSet<>();
    /** The history (its location) each migration file belongs to; a file fitting no layout maps to itself. */
    private Map<Path, Path> historyOf = Map.of();
    private boolean stale = true;
    /** A file changed since the whole project was read (its texts are older than the disk's). */
    private boolean changedSinceWhole;
    /** Set while a part of the project is loaded: the whole project's dialect and code. */
    private DialectChoice fixedDialect;
    private CodeBaseLoader.Result fixedCode;
    private boolean codeStale;
    private volatile Checkpoint checkpoint = Checkpoint.NONE;

    /** @param root the project root (absolute) */
    public WarmProject(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.store = new FileStore(this.root);
        this.codeIndex = CodeIndexCache.over(store);
    }

    public Path root() {
        return root;
    }

    /** The file texts kept (tests ask it what was read from the disk). */
    public FileStore store() {
        return store;
    }

    /**
     * The whole project as {@code lifeguard lint} run in the root reads it, reading only what changed since
     * the last time.
     *
     * @param options the project's options with paths {@code "."} and no overlay (from its lifeguard.yml)
     */
    public synchronized Project whole(LoadOptions options, Checkpoint during) throws LoadException {
        if (changedSinceWhole) {
            stale = true;
        }
        return index(options, during);
    }

    /** The whole project as last read, read again only where it may no longer say which files are migrations. */
    private Project index(LoadOptions options, Checkpoint during) throws LoadException {
        LoadOptions normalized = new LoadOptions(options.root(), List.of("."), options.dialect(), options.excludes(),
                options.code(), Map.of(), options.discover(), options.liquibase());
        if (whole != null && !stale && normalized.equals(wholeOptions)) {
            return whole;
        }
        if (wholeOptions != null && !sameSettings(normalized, wholeOptions)) {
            forgetAll(); // other excludes or dialect: listings and parses may differ
        }
        checkpoint = during;
        try {
            fixedDialect = null;
            fixedCode = null;
            Project project = new ProjectLoader(new Whole()).load(normalized);
            during.rethrow();
            index(project);
            passedOver.clear();
            whole = project;
            wholeOptions = normalized;
            stale = false;
            changedSinceWhole = false;
            codeStale = false;
            fixedDialect = project.dialect();
            return project;
        } finally {
            checkpoint = Checkpoint.NONE;
        }
    }

    /**
     * The part of the project a file's findings depend on: its history, read with {@code text} in place of the
     * file; empty when the file is not a migration by discovery's rules (a pom.xml, a YAML that is no
     * changelog): that answer costs no read and no parse.
     *
     * @param options the project's options with paths {@code "."} and no overlay (from its lifeguard.yml)
     * @param file    root-relative
     */
    public synchronized Optional<Project> forFile(LoadOptions options, Path file, String text, Checkpoint during)
            throws LoadException {
        if (!mayBeMigration(file)) {
            return Optional.empty();
        }
        index(options, during);
        Optional<Path> location = locate(options, file, text, during);
        if (location.isEmpty()) {
            return Optional.empty();
        }
        checkpoint = during;
        try {
            loadCode();
            String where = location.get().toString().isEmpty() ? "." : location.get().toString().replace('\\', '/');
            LoadOptions part = new LoadOptions(options.root(), List.of(where), options.dialect(), options.excludes(),
                    options.code(), Map.of(file, text), options.discover(), options.liquibase());
            Project project = new ProjectLoader(new Part()).load(part);
            during.rethrow();
            return Optional.of(project);
        } finally {
            checkpoint = Checkpoint.NONE;
        }
    }

    /**
     * Reads the whole project and its code index ahead of the first check (an editor opening the project),
     * so that the first file opened is checked from warm caches.
     *
     * @param options the project's options with paths {@code "."} and no overlay (from its lifeguard.yml)
     */
    public synchronized void warmUp(LoadOptions options, Checkpoint during) throws LoadException {
        index(options, during);
        checkpoint = during;
        try {
            loadCode();
            during.check();
            // the code index and the DDL found in code are built on first use, by a check's rules: built now
            fixedCode.code().index();
            fixedCode.code().ddlInCode();
            during.rethrow();
        } finally {
            checkpoint = Checkpoint.NONE;
        }
    }

    /** The code base and its index beside the whole project, loaded again only after a code file changed. */
    private void loadCode() throws LoadException {
        if (codeStale || fixedCode == null) {
            fixedCode = CodeBaseLoader.load(new ProjectRoot(root, wholeOptions.excludes()), wholeOptions.code(),
                    whole.histories(), whole.sources().keySet(), codeIndex);
            codeStale = false;
        }
    }

    /** Cheap: the file's extension and the exclude patterns say it cannot be a migration. */
    public static boolean mayBeMigration(Path file) {
        Path name = file.getFileName();
        return name != null && MIGRATION_EXTENSIONS.contains(extension(name));
    }

    /**
     * The editor (or a file watcher) says this file or directory changed on disk, was created or deleted:
     * everything kept for it is forgotten, and, where the change may alter which files are migrations (a new
     * or deleted file, a changelog's includes), the project is read again at the next check.
     */
    public synchronized void changed(Path absolute) {
        Path a = absolute.toAbsolutePath().normalize();
        if (!a.startsWith(root)) {
            return;
        }
        changedSinceWhole = true;
        store.changed(a);
        changelogs.forget(a);
        if (!Files.isRegularFile(a) || !collected.contains(root.relativize(a))) {
            collections.clear(); // created or deleted: the walks may find other files now
        }
        Path rel = root.relativize(a);
        // discovery steps are made again from kept texts (a probe of a file that could not be read, and cannot
        // now either, would otherwise hold whatever the file says now)
        discovered.clear();
        parses.remove(rel);
        if (isCode(rel)) {
            codeIndex.forget(rel);
            codeStale = true;
        }
        boolean known = collected.contains(rel);
        boolean structured = STRUCTURED.contains(extension(a));
        if (!known || structured || !Files.isRegularFile(a) || rel.getFileName() != null
                && rel.getFileName().toString().equals("lifeguard.yml")) {
            stale = true;
        }
    }

    /**
     * Compares every kept file and listing with the disk and forgets what changed there without an editor
     * event (a {@code git checkout}, a build tool).
     *
     * @return the files and directories that changed (absolute)
     */
    public synchronized Set<Path> sweep() {
        Set<Path> changed = store.sweep();
        for (Path p : changed) {
            changed(p);
        }
        return changed;
    }

    /** Forgets everything kept: the next check reads the project again. */
    public synchronized void forgetAll() {
        store.clear();
        changelogs.clear();
        codeIndex.clear();
        parses.clear();
        discovered.clear();
        collections.clear();
        whole = null;
        stale = true;
        codeStale = true;
    }

    /** The SQL parsed from a region of a file: remembered for the same text (one SourceFile per unchanged text). */
    private List<Operation> parse(SqlParser parser, SourceFile file, int start, int end) {
        Parses known = parses.get(file.path());
        if (known == null || known.file() != file || known.dialect() != parser.dialect()) {
            known = new Parses(file, parser.dialect(), new ConcurrentHashMap<>());
            parses.put(file.path(), known);
        }
        long key = ((long) start << 32) | (end & 0xffffffffL);
        List<Operation> ops = known.regions().get(key);
        if (ops == null) {
            ops = parser.parse(file, start, end);
            if (!checkpoint.isCanceled()) {
                known.regions().put(key, ops);
            }
        }
        return ops;
    }

    /** The hooks of a whole-project load: the file work reused, everything else decided afresh. */
    private class Whole implements LoadCache {
        @Override
        public FileSource files() {
            return store;
        }

        @Override
        public ChangelogCache changelogs() {
            return changelogs;
        }

        @Override
        public List<Operation> parse(SqlParser parser, SourceFile file, int start, int end) {
            return WarmProject.this.parse(parser, file, start, end);
        }

        @Override
        public Checkpoint checkpoint() {
            return checkpoint;
        }
    }

    /**
     * The hooks of a load of one history: the whole project's dialect and code base, and the directory walks
     * and discovery steps of earlier loads of the same history while what they looked at reads the same.
     */
    private final class Part extends Whole {
        @Override
        public Optional<DialectChoice> dialect() {
            return Optional.ofNullable(fixedDialect);
        }

        @Override
        public Optional<CodeBaseLoader.Result> code() {
            return Optional.ofNullable(fixedCode);
        }

        @Override
        public PathCollector.Collected collect(List<String> paths, Step<PathCollector.Collected> collect)
                throws LoadException {
            PathCollector.Collected known = collections.get(paths);
            if (known == null) {
                known = collect.run();
                collections.put(List.copyOf(paths), known);
            }
            return known;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T discover(Object key, MigrationFiles files, Function<MigrationFiles, T> step) {
            Discovered known = discovered.get(key);
            if (known != null && known.probes().hold(files)) {
                return (T) known.result();
            }
            Probes.Recorder recorder = new Probes.Recorder(files);
            T result = step.apply(recorder);
            if (!checkpoint.isCanceled()) {
                discovered.put(key, new Discovered(result, recorder.probes()));
            }
            return result;
        }
    }

    /**
     * Where a file's history is read from: the index; else, for a structured file the project passed over,
     * itself when the editor's text is a changelog now (a pom.xml is turned away by a text search); else, for
     * a SQL file created since the project was read, the index after reading the project again (once).
     */
    private Optional<Path> locate(LoadOptions options, Path file, String text, Checkpoint during) throws LoadException {
        Path location = historyOf.get(file);
        if (location != null) {
            return Optional.of(location);
        }
        if (STRUCTURED.contains(extension(file))) {
            if (!text.toLowerCase(Locale.ROOT).contains("databasechangelog")) {
                return Optional.empty();
            }
            try {
                return LiquibaseLoader.isChangelog(root.resolve(file), text) ? Optional.of(file) : Optional.empty();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        if (passedOver.contains(file) || !Files.isRegularFile(root.resolve(file))) {
            return Optional.empty();
        }
        // a SQL file the last read did not see: created since (nobody said so), is it a migration now?
        changed(root.resolve(file));
        index(options, during);
        passedOver.add(file);
        return Optional.ofNullable(historyOf.get(file));
    }

    private boolean isCode(Path rel) {
        CodeBaseLoader.Result code = fixedCode;
        if (code == null) {
            return true; // not set up yet: nothing to keep apart
        }
        for (Path r : code.code().roots()) {
            if (rel.startsWith(r)) {
                return true;
            }
        }
        return false;
    }

    /** Learns each migration file's history from a whole-project read. */
    private void index(Project project) {
        Map<Path, Path> map = new HashMap<>();
        for (History history : project.histories()) {
            for (Migration migration : history.migrations()) {
                map.putIfAbsent(migration.file(), history.location());
                for (Operation op : migration.operations()) {
                    map.putIfAbsent(op.span().file(), history.location());
                }
                for (Operation op : migration.reverse().operations()) {
                    map.putIfAbsent(op.span().file(), history.location());
                }
                if (migration.reverse().span() != null) {
                    map.putIfAbsent(migration.reverse().span().file(), history.location());
                }
            }
        }
        // a file read with the project whose changeSets none of its histories runs (a changelog included under a
        // context or precondition that leaves it out, one with no changeSets yet): how it is included decides
        // what runs, so it is checked within the whole project, as lint checks it (rare, and slower than a part)
        for (Path source : project.sources().keySet()) {
            if (mayBeMigration(source)) {
                map.putIfAbsent(source, Path.of(""));
            }
        }
        // a file that fits no layout or cannot be read is reported where it stands: with its directory for SQL
        for (LoadProblem problem : project.problems()) {
            Path file = problem.span().file();
            if (!mayBeMigration(file)) {
                continue;
            }
            boolean sql = extension(file).equals("sql");
            Path parent = file.getParent() == null ? Path.of("") : file.getParent();
            map.putIfAbsent(file, sql ? parent : file);
        }
        historyOf = Map.copyOf(map);
        Set<Path> all = new HashSet<>(map.keySet());
        all.addAll(project.sources().keySet());
        collected = Set.copyOf(all);
    }

    private static boolean sameSettings(LoadOptions a, LoadOptions b) {
        return a.dialect() == b.dialect() && a.excludes().equals(b.excludes()) && java.util.Objects.equals(a.code(), b.code())
                && a.discover() == b.discover() && a.liquibase().equals(b.liquibase());
    }

    private static String extension(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
