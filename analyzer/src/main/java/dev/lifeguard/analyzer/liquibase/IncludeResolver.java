package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.liquibase.ChangelogItem.Include;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files an include or includeAll names, resolved the way Liquibase does (next to the including file,
 * or classpath-style against every src/main/resources of the project) but never outside the root.
 */
final class IncludeResolver {
    private static final Set<String> CHANGELOG_EXTENSIONS = Set.of("xml", "yaml", "yml", "json", "sql");

    private final LoadContext ctx;

    IncludeResolver(LoadContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param report record problems (missing file, path outside the root); off while only looking for roots
     */
    List<Path> targets(Path including, Include inc, boolean report) {
        if (inc.path() == null || inc.path().isBlank()) {
            problem(report, inc, (inc.all() ? "includeAll without a path" : "include without a file"));
            return List.of();
        }
        Path dir = including.getParent() == null ? ctx.root.path() : including.getParent();
        if (ctx.root.escapes(dir, inc.path(), inc.relativeToChangelogFile())) {
            problem(report, inc, (inc.all() ? "includeAll" : "include") + " path leaves the project root: " + inc.path());
            return List.of();
        }
        return inc.all() ? all(including, dir, inc, report) : one(including, dir, inc, report);
    }

    private List<Path> one(Path including, Path dir, Include inc, boolean report) {
        Optional<Path> target = inc.relativeToChangelogFile()
                ? ctx.root.resolve(dir, inc.path()).filter(Files::isRegularFile)
                : ctx.root.findOnClasspath(including, inc.path()).filter(Files::isRegularFile);
        if (target.isEmpty()) {
            if (inc.errorIfMissing()) {
                problem(report, inc, "included file not found: " + inc.path());
            }
            return List.of();
        }
        return List.of(target.get());
    }

    private List<Path> all(Path including, Path dir, Include inc, boolean report) {
        Optional<Path> directory = Optional.empty();
        if (inc.relativeToChangelogFile()) {
            directory = ctx.root.resolve(dir, inc.path()).filter(Files::isDirectory);
        } else {
            String w = ProjectRoot.stripClasspathPrefix(inc.path());
            for (Path base : ctx.root.classpathRoots(including)) {
                directory = ctx.root.resolve(base, w).filter(Files::isDirectory);
                if (directory.isPresent()) {
                    break;
                }
            }
        }
        List<Path> files = new ArrayList<>();
        if (directory.isPresent()) {
            int maxDepth = Math.max(0, inc.maxDepth());
            try (Stream<Path> walk = Files.walk(directory.get(), maxDepth)) {
                Path base = directory.get();
                walk.filter(Files::isRegularFile)
                        .filter(p -> base.relativize(p).getNameCount() >= Math.max(1, inc.minDepth()))
                        .filter(p -> isChangelogName(p, inc.endsWithFilter()))
                        .filter(ctx.root::contains)
                        .filter(p -> !p.equals(including))
                        .sorted(Comparator.comparing(ctx.root::logical))
                        .forEach(files::add);
            } catch (IOException | RuntimeException e) {
                problem(report, inc, "cannot list includeAll directory " + inc.path() + ": " + e.getMessage());
            }
        }
        if (files.isEmpty() && inc.errorIfMissing()) {
            problem(report, inc, "includeAll found no changelogs in " + inc.path());
        }
        return files;
    }

    private static boolean isChangelogName(Path p, String endsWith) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || !CHANGELOG_EXTENSIONS.contains(name.substring(dot + 1))) {
            return false;
        }
        return endsWith == null || endsWith.isBlank() || name.endsWith(endsWith.trim().toLowerCase(Locale.ROOT));
    }

    private void problem(boolean report, Include inc, String message) {
        if (report) {
            ctx.problem(inc.span(), message);
        }
    }
}
