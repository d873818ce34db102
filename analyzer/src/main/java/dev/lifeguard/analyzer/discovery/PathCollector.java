package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the paths a user gave (files, directories, globs) into the files to read, relative to the root.
 * The linter runs on untrusted pull requests, so every file is checked by its real path: a symbolic link
 * that leads out of the root is never read, and a walk never leaves the root.
 */
public final class PathCollector {
    /** Directories a walk never enters: build output, VCS data and dependencies hold no migrations. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "build", "node_modules", ".idea");

    /** Extensions a migration can have; a link out of the root is reported only for these. */
    private static final Set<String> MIGRATION_EXTENSIONS = Set.of("sql", "xml", "yaml", "yml", "json");

    private final ProjectRoot root;
    private final Map<Path, Path> filesByRealPath = new LinkedHashMap<>();
    private final Set<Path> reportedLinks = new HashSet<>();
    private final List<LoadProblem> problems = new ArrayList<>();

    public PathCollector(ProjectRoot root) {
        this.root = root;
    }

    /**
     * What the paths named: root-relative files, sorted, the files refused, and what was named itself (the
     * files and directories given, the files a glob matched), which is linted whatever its name.
     */
    public record Collected(List<Path> files, List<LoadProblem> problems, Set<Path> named) {
        public Collected {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
            named = Set.copyOf(named);
        }

        public Collected(List<Path> files, List<LoadProblem> problems) {
            this(files, problems, Set.of());
        }
    }

    private final Set<Path> named = new HashSet<>();

    public Collected collect(List<String> paths) throws LoadException {
        for (String given : paths) {
            if (Glob.isGlob(given)) {
                collectGlob(given);
            } else {
                collectPath(given);
            }
        }
        List<Path> files = new ArrayList<>(filesByRealPath.values());
        files.sort(null);
        return new Collected(files, problems, named);
    }

    private void collectPath(String given) throws LoadException {
        Path absolute = root.absolute(given);
        if (!Files.exists(absolute)) {
            throw new LoadException("path not found: " + given);
        }
        if (!root.isInside(absolute)) {
            throw new LoadException("path outside the project root: " + given);
        }
        named.add(root.relative(absolute));
        if (Files.isDirectory(absolute)) {
            if (!Files.isReadable(absolute)) {
                throw new LoadException("cannot read directory " + given + ": permission denied");
            }
            walk(absolute, null);
        } else if (!Files.isRegularFile(absolute)) {
            // a FIFO would block the run, a device never ends: neither is a migration
            throw new LoadException("not a regular file or directory: " + given);
        } else {
            addFile(absolute);
        }
    }

    private void collectGlob(String given) throws LoadException {
        String pattern = given.replace('\\', '/');
        if (Path.of(given).isAbsolute()) {
            String prefix = Glob.slashed(root.path()) + "/";
            if (!pattern.startsWith(prefix)) {
                throw new LoadException("path outside the project root: " + given);
            }
            pattern = pattern.substring(prefix.length());
        }
        Glob glob = new Glob(pattern);
        Path start = root.absolute(glob.literalPrefix());
        Set<Path> before = new HashSet<>(filesByRealPath.values());
        if (Files.isDirectory(start) && root.isInside(start)) {
            walk(start, glob);
        }
        if (filesByRealPath.size() == before.size()) {
            throw new LoadException("no file matches: " + given);
        }
        filesByRealPath.values().stream().filter(f -> !before.contains(f)).forEach(named::add);
    }

    /** Walks a directory, following links only while they stay inside the root. */
    private void walk(Path start, Glob glob) throws LoadException {
        try {
            Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(start) && (isSkipped(dir.getFileName().toString())
                                    || glob == null && MigrationDirectories.isTestTree(root.relative(dir)))) {
                                // test and fixture trees below a directory given hold no deployed migrations
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return root.isInside(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (glob == null || matchesGlob(glob, start, file)) {
                                addFile(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            // the rest of the tree is still worth reading; what could not be is said, not skipped
                            // (a link loop is not: what it leads to is read through the real path)
                            if (!(e instanceof FileSystemLoopException) && root.isInside(file)
                                    && !root.isExcluded(root.relative(file))) {
                                problems.add(new LoadProblem(SourceSpan.startOf(root.relative(file)),
                                        "cannot read " + (Files.isDirectory(file) ? "directory" : "file") + " ("
                                                + SourceReader.reason(e) + "): nothing in it is checked"));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                            return e == null ? FileVisitResult.CONTINUE : visitFileFailed(dir, e);
                        }
                    });
        } catch (IOException e) {
            throw new LoadException("cannot read " + root.relative(start) + ": " + e.getMessage());
        }
    }

    /** A file matches when it or a directory above it (below the walk's start) matches the pattern. */
    private boolean matchesGlob(Glob glob, Path start, Path file) {
        for (Path p = file; p != null && p.startsWith(start) && !p.equals(start); p = p.getParent()) {
            if (glob.matches(root.relative(p))) {
                return true;
            }
        }
        return false;
    }

    private void addFile(Path absolute) {
        Path relative = root.relative(absolute);
        if (!Files.isRegularFile(absolute)) {
            if (Files.exists(absolute) && !Files.isDirectory(absolute) && isMigrationExtension(relative)
                    && !root.isExcluded(relative)) {
                problems.add(new LoadProblem(SourceSpan.startOf(relative),
                        "not a regular file (a pipe, socket or device): not read"));
            }
            return;
        }
        if (root.isExcluded(relative)) {
            return;
        }
        if (!Path.of(relative.toString()).equals(relative)) {
            // the name's bytes are not UTF-8: any path we print or put in SARIF would name another file
            Path dir = relative.getParent() == null ? Path.of(".") : relative.getParent();
            problems.add(new LoadProblem(SourceSpan.startOf(dir), "a file name in this directory is not valid UTF-8 ('"
                    + relative.getFileName() + "'): not read; rename it"));
            return;
        }
        Path real = root.realPath(absolute);
        if (root.relativeReal(real) == null) { // unresolved, or outside the root (isInside, without a second realpath)
            if (isMigrationExtension(relative) && reportedLinks.add(relative)) {
                problems.add(new LoadProblem(SourceSpan.startOf(relative),
                        "symbolic link points outside the project root: not read"));
            }
            return;
        }
        // a link and the file it points to are one migration, read once, under the file's own name whichever
        // the walk meets first; two links to a file outside the walk: the first name in order
        Path own = root.relativeReal(real);
        filesByRealPath.merge(real, relative, (a, b) -> a.equals(own) ? a : b.equals(own) ? b : a.compareTo(b) <= 0 ? a : b);
    }

    static boolean isSkipped(String directoryName) {
        return directoryName.startsWith(".") || SKIPPED_DIRECTORIES.contains(directoryName);
    }

    static boolean isMigrationExtension(Path file) {
        return MIGRATION_EXTENSIONS.contains(extension(file));
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
