package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.change.GitException;
import dev.lifeguard.analyzer.change.RevisionFiles;
import dev.lifeguard.analyzer.discovery.ProjectRoot;
import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.model.CodeBase;
import dev.lifeguard.analyzer.model.CodeIndex;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.SchemaChangeInCode;
import dev.lifeguard.analyzer.model.SourceFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the code only when asked, once: the file listing, the DDL scan and the index are each built on
 * first use and kept. Files read by one are not read again by the other.
 */
final class LazyCodeReader implements CodeBase.Reader {
    private final ProjectRoot root;
    private final List<Path> roots;
    private final Set<Path> migrations;
    private final NamingStrategy naming;
    private final Set<String> migrationClasses;
    private final CodeIndexCache cache;
    private final Map<Path, SourceFile> read = CodeIndexer.cache();
    private final List<LoadProblem> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    private CodeFiles.Listing listing;
    private CodeIndex index;
    private List<SchemaChangeInCode> ddl;

    LazyCodeReader(ProjectRoot root, List<Path> roots, Set<Path> migrations, NamingStrategy naming) {
        this(root, roots, migrations, naming, Set.of());
    }

    /** @param migrationClasses classes the migrations run (Liquibase customChange): migrations, not application code */
    LazyCodeReader(ProjectRoot root, List<Path> roots, Set<Path> migrations, NamingStrategy naming,
                   Set<String> migrationClasses) {
        this(root, roots, migrations, naming, migrationClasses, CodeIndexCache.NONE);
    }

    /** @param cache what an editor keeps of the code index between builds (its warm file store, parsed files) */
    LazyCodeReader(ProjectRoot root, List<Path> roots, Set<Path> migrations, NamingStrategy naming,
                   Set<String> migrationClasses, CodeIndexCache cache) {
        this.cache = cache;
        this.root = root;
        this.roots = List.copyOf(roots);
        this.migrations = Set.copyOf(migrations);
        this.naming = naming;
        this.migrationClasses = Set.copyOf(migrationClasses);
    }

    @Override
    public synchronized CodeIndex index() {
        if (index == null) {
            CodeFiles.Listing all = listing();
            index = new CodeIndexer(root, naming, read, problems, cache)
                    .build(all.without(migrationCode(all.java(), this::file)));
        }
        return index;
    }

    @Override
    public synchronized List<SchemaChangeInCode> ddlInCode() {
        if (ddl == null) {
            List<Path> sources = new ArrayList<>(listing().java());
            sources.addAll(listing().kotlin());
            sources.removeAll(MigrationClasses.files(classesRun(listing().java(), this::file), listing().java(), this::file));
            ddl = sources.parallelStream().flatMap(p -> file(p).stream()).flatMap(f -> DdlInCode.scan(f).stream())
                    .sorted(java.util.Comparator.comparing((SchemaChangeInCode c) -> c.span().file().toString())
                            .thenComparingInt(c -> c.span().startOffset()))
                    .toList();
        }
        return ddl;
    }

    @Override
    public Optional<SourceFile> loaded(Path file) {
        return Optional.ofNullable(read.get(file));
    }

    @Override
    public synchronized boolean indexBuilt() {
        return index != null;
    }

    @Override
    public Optional<CodeIndex> indexAt(RevisionFiles revision) {
        CodeFiles.Listing files = CodeFiles.of(revision.paths(), roots, migrations, root::isExcluded);
        List<Path> wanted = new ArrayList<>(files.config());
        wanted.addAll(files.java());
        wanted.addAll(files.kotlin());
        wanted.addAll(files.xml());
        wanted.addAll(files.sql());
        Map<Path, byte[]> bytes;
        try {
            bytes = revision.read(wanted, SourceReader.MAX_BYTES);
        } catch (GitException e) {
            return Optional.empty();
        }
        Map<Path, SourceFile> texts = CodeIndexer.cache();
        bytes.forEach((p, b) -> {
            SourceFile f = SourceReader.fromBytes(p, b).file();
            if (f != null) {
                texts.put(p, f);
            }
        });
        // the naming strategy of that revision's configuration: the running version maps its entities through it
        List<SourceFile> config = files.config().stream().map(texts::get).filter(java.util.Objects::nonNull).toList();
        Set<Path> migrationCode = migrationCode(files.java(), p -> Optional.ofNullable(texts.get(p)));
        return Optional.of(new CodeIndexer(SchemaSettings.namingStrategy(config), texts).build(files.without(migrationCode)));
    }

    @Override
    public boolean isCodeFile(Path file) {
        return !root.isExcluded(file) && !migrations.contains(file) && CodeFiles.isCodeFile(file, roots);
    }

    /**
     * The classes the migrations run (customChange classes, Flyway Java migrations and the project's classes
     * they extend) among
     * {@code java}: migrations, not the application, so the names they use are not the running version's uses
     * (a data migration reads the column its changeSet drops next). An entity among them stays code.
     */
    private Set<Path> migrationCode(List<Path> java, java.util.function.Function<Path, Optional<SourceFile>> read) {
        Set<Path> out = new java.util.HashSet<>();
        for (Path p : MigrationClasses.files(classesRun(java, read), java, read)) {
            if (read.apply(p).map(f -> !MigrationClasses.isMapped(f.text())).orElse(true)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The classes the changelogs name and the Flyway Java migrations among {@code java}. */
    private Set<String> classesRun(List<Path> java, java.util.function.Function<Path, Optional<SourceFile>> read) {
        Set<String> out = new java.util.LinkedHashSet<>(migrationClasses);
        out.addAll(MigrationClasses.flywayJava(java, read));
        return out;
    }

    private CodeFiles.Listing listing() {
        if (listing == null) {
            listing = CodeFiles.all(root, roots, migrations);
        }
        return listing;
    }

    @Override
    public List<LoadProblem> problems() {
        synchronized (problems) {
            return problems.stream().distinct()
                    .sorted(java.util.Comparator.comparing((LoadProblem p) -> p.span().file().toString())).toList();
        }
    }

    private Optional<SourceFile> file(Path rel) {
        return CodeIndexer.file(root, cache, read, problems, rel);
    }
}
