package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.LoadException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project root and the one place that decides whether a path may be read: it must resolve, through
 * every symbolic link, to a location inside the root, and must not be excluded by the user.
 */
public final class ProjectRoot {
    private final Path path;
    private final Path realPath;
    private final List<Glob> excludes;
    private final Map<Path, Optional<Path>> realPaths = new ConcurrentHashMap<>();

    public ProjectRoot(Path path, List<String> excludes) throws LoadException {
        this.path = path.toAbsolutePath().normalize();
        try {
            this.realPath = this.path.toRealPath();
        } catch (IOException e) {
            throw new LoadException("path not found: " + path);
        }
        if (!Files.isDirectory(realPath)) {
            throw new LoadException("project root is not a directory: " + path);
        }
        this.excludes = excludes.stream().map(Glob::new).toList();
    }

    public Path path() {
        return path;
    }

    /** A user-given path (relative to the root or absolute), resolved lexically. */
    public Path absolute(String given) {
        return path.resolve(given.isEmpty() ? "." : given).normalize();
    }

    public Path absolute(Path relative) {
        return path.resolve(relative).normalize();
    }

    public Path relative(Path absolute) {
        return path.relativize(absolute.normalize());
    }

    /** Whether the path exists and its real location (all links resolved) lies inside the root. */
    public boolean isInside(Path absolute) {
        Path real = realPath(absolute);
        return real != null && real.startsWith(realPath);
    }

    /** A real path inside the root as a root-relative path (the root's own links resolved), else null. */
    Path relativeReal(Path real) {
        return real != null && real.startsWith(realPath) ? realPath.relativize(real) : null;
    }

    /**
     * The real location of a path, or null when it does not resolve. Remembered for the life of this root (one
     * load): the walk, the directory listings and the reader each ask it of every file, and each answer costs the
     * file system a lookup per directory of the path.
     */
    Path realPath(Path absolute) {
        return realPaths.computeIfAbsent(absolute, ProjectRoot::resolve).orElse(null);
    }

    private static Optional<Path> resolve(Path absolute) {
        try {
            return Optional.of(absolute.toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Whether an exclude pattern matches the file or a directory above it ({@code legacy} excludes its files). */
    public boolean isExcluded(Path relative) {
        for (Path p = relative; p != null; p = p.getParent()) {
            for (Glob g : excludes) {
                if (g.matches(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a root-relative path names a regular file that may be read. */
    public boolean isReadableFile(Path relative) {
        Path absolute = absolute(relative);
        return !isExcluded(relative) && Files.isRegularFile(absolute) && isInside(absolute);
    }
}
