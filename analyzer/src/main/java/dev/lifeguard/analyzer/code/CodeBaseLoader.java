package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.analyzer.discovery.ProjectRoot;
import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.model.CodeBase;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.SchemaChangeInCode;
import dev.lifeguard.analyzer.model.SourceFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sets up the application code beside the migrations: decides the code roots, reads the configuration
 * files (small, and needed to report a setting at its line), and leaves the sources to a lazy reader.
 */
public final class CodeBaseLoader {

    /** The code base, and the configuration files read (they join the project's sources). */
    public record Result(CodeBase code, Map<Path, SourceFile> sources, List<LoadProblem> problems) {
    }

    private CodeBaseLoader() {
    }

    /**
     * @param given      code directories the user named (absolute or root-relative); null for the default
     * @param histories  the migrations read, whose locations give the default and which are never code
     * @param migrationSources the files read as migrations
     */
    public static Result load(ProjectRoot root, List<String> given, List<History> histories,
                              Set<Path> migrationSources) throws LoadException {
        return load(root, given, histories, migrationSources, CodeIndexCache.NONE);
    }

    /** As {@link #load(ProjectRoot, List, List, Set)}, the code index reusing what {@code cache} kept. */
    public static Result load(ProjectRoot root, List<String> given, List<History> histories,
                              Set<Path> migrationSources, CodeIndexCache cache) throws LoadException {
        List<Path> roots = given == null ? defaultRoots(root, histories) : givenRoots(root, given);
        if (roots.isEmpty()) {
            return new Result(CodeBase.NONE, Map.of(), List.of());
        }
        Map<Path, SourceFile> sources = new java.util.LinkedHashMap<>();
        List<LoadProblem> problems = new ArrayList<>();
        List<SchemaChangeInCode> settings = new ArrayList<>();
        List<SourceFile> config = new ArrayList<>();
        for (Path p : CodeFiles.config(root, roots)) {
            SourceReader.Result r = cache.source().read(root, p);
            if (r.file() == null) {
                problems.add(r.problem());
                continue;
            }
            config.add(r.file());
            sources.put(p, r.file());
            settings.addAll(SchemaSettings.schemaChanges(r.file()));
        }
        Set<Path> migrations = new LinkedHashSet<>(migrationSources);
        for (History h : histories) {
            for (Migration m : h.migrations()) {
                migrations.add(m.file());
            }
        }
        NamingStrategy naming = SchemaSettings.namingStrategy(config);
        return new Result(new CodeBase(roots, settings, new LazyCodeReader(root, roots, migrations, naming,
                MigrationClasses.named(histories), cache)),
                sources, problems);
    }

    private static List<Path> givenRoots(ProjectRoot root, List<String> given) throws LoadException {
        List<Path> out = new ArrayList<>();
        for (String g : given) {
            Path abs = root.absolute(g);
            if (!Files.isDirectory(abs)) {
                throw new LoadException("code directory not found: " + g);
            }
            if (!root.isInside(abs)) {
                throw new LoadException("code directory lies outside the project root: " + g);
            }
            out.add(root.relative(abs));
        }
        return out;
    }

    /**
     * The {@code src/main} trees beside the migrations: a migration directory's enclosing
     * {@code src/main}, or a {@code src/main} next to it or next to one of its parents, up to the root.
     */
    static List<Path> defaultRoots(ProjectRoot root, List<History> histories) {
        Set<Path> out = new LinkedHashSet<>();
        for (History h : histories) {
            Path location = h.location();
            if (location == null) {
                continue;
            }
            Path abs = root.absolute(location);
            for (Path p = Files.isDirectory(abs) ? abs : abs.getParent(); p != null && p.startsWith(root.path());
                 p = p.getParent()) {
                if (p.getFileName() != null && p.getFileName().toString().equals("main") && p.getParent() != null
                        && p.getParent().getFileName() != null && p.getParent().getFileName().toString().equals("src")) {
                    out.add(root.relative(p));
                    break;
                }
                Path beside = p.resolve("src/main");
                if (Files.isDirectory(beside) && root.isInside(beside)) {
                    out.add(root.relative(beside));
                    break;
                }
            }
        }
        return List.copyOf(out);
    }
}
