package dev.lifeguard.analyzer.liquibase;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The project root and the only way this package turns a written path into a file: every path is
 * normalized and checked to stay inside the root, and an existing file's real path (symlinks resolved) is
 * checked again, so a changelog from an untrusted pull request cannot make us read anything else.
 */
final class ProjectRoot {
    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "target", "build", ".git", ".gradle", ".idea");

    private final Path root;
    private final Path realRoot;
    private List<Path> resourceDirs;

    ProjectRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
    }

    Path path() {
        return root;
    }

    /** Whether an absolute path lies inside the root, lexically and (when it exists) after resolving symlinks. */
    boolean contains(Path absolute) {
        Path p = absolute.toAbsolutePath().normalize();
        if (!p.startsWith(root)) {
            return false;
        }
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            try {
                return p.toRealPath().startsWith(realRoot);
            } catch (IOException e) {
                return false; // a dangling link or an unreadable path: not ours to read
            }
        }
        return true;
    }

    /** Resolves a path written in a changelog against a directory; empty when it would leave the root. */
    Optional<Path> resolve(Path baseDir, String written) {
        String w = written.replace('\\', '/');
        Path p;
        try {
            p = w.startsWith("/") ? root.resolve(w.substring(1)) : baseDir.resolve(w);
        } catch (RuntimeException e) {
            return Optional.empty(); // invalid path characters
        }
        p = p.normalize();
        return contains(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * Where a classpath-style path ({@code db/changelog/x.xml}, {@code classpath:/db/...}) may live: the
     * resources directory of the including file's module first, then every other {@code src/main/resources}
     * under the root, then the root itself (Liquibase's default search path is the working directory).
     */
    List<Path> classpathRoots(Path includingFile) {
        List<Path> dirs = new ArrayList<>();
        for (Path d : resourceDirs()) {
            if (includingFile != null && includingFile.startsWith(d)) {
                dirs.add(0, d);
            } else {
                dirs.add(d);
            }
        }
        dirs.add(root);
        return dirs;
    }

    /** Finds a classpath-style path: the first existing regular file among the classpath roots. */
    Optional<Path> findOnClasspath(Path includingFile, String written) {
        String w = stripClasspathPrefix(written);
        for (Path dir : classpathRoots(includingFile)) {
            Optional<Path> p = resolve(dir, w);
            if (p.isPresent() && Files.exists(p.get())) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** Whether the written path names something outside the root from every place it could be looked up. */
    boolean escapes(Path baseDir, String written, boolean relative) {
        if (relative) {
            return resolve(baseDir, written).isEmpty();
        }
        String w = stripClasspathPrefix(written);
        return classpathRoots(null).stream().allMatch(d -> resolve(d, w).isEmpty());
    }

    static String stripClasspathPrefix(String written) {
        String w = written.replace('\\', '/').replaceFirst("^classpath\\*?:", "");
        while (w.startsWith("/")) {
            w = w.substring(1);
        }
        return w;
    }

    Path relativize(Path absolute) {
        return root.relativize(absolute.toAbsolutePath().normalize());
    }

    /** The root-relative path with forward slashes: the name Liquibase knows a file by. */
    String logical(Path absolute) {
        return relativize(absolute).toString().replace('\\', '/');
    }

    private List<Path> resourceDirs() {
        if (resourceDirs == null) {
            List<Path> found = new ArrayList<>();
            try {
                Files.walkFileTree(root, Set.of(), 12, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        if (!dir.equals(root) && (SKIPPED_DIRS.contains(name) || name.startsWith("."))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (dir.endsWith(Path.of("src", "main", "resources"))) {
                            found.add(dir);
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // an unreadable tree just has no resource directories
            }
            found.sort(null);
            resourceDirs = List.copyOf(found);
        }
        return resourceDirs;
    }
}
