package dev.lifeguard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Chooses the project root, the directory nothing outside of which is read and relative to which reports
 * name files: the nearest ancestor of the working directory that contains {@code .git} (the repository,
 * so SARIF paths match what GitHub shows), else the working directory itself. When a path given on the
 * command line lies outside that root, the root becomes the deepest directory common to all given paths.
 */
final class ProjectRoot {
    private ProjectRoot() {
    }

    /**
     * @param workingDirectory absolute, normalized
     * @param paths            the absolute paths given (for a glob, its directory part)
     */
    static Path find(Path workingDirectory, List<Path> paths) {
        Path root = repositoryOf(workingDirectory);
        if (paths.stream().allMatch(p -> p.startsWith(root))) {
            return root;
        }
        Path common = null;
        for (Path p : paths) {
            Path dir = Files.isDirectory(p) ? p : p.getParent();
            common = common == null ? dir : commonAncestor(common, dir);
        }
        return common == null ? root : common;
    }

    /**
     * Where the paths of a lifeguard.yml may lead: into the repository (the directory with .git above the working
     * directory); outside a repository, into the working directory or the file's own directory.
     */
    static List<Path> confinement(Path workingDirectory, Path configDirectory) {
        for (Path d = workingDirectory; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return List.of(d);
            }
        }
        return List.of(workingDirectory, configDirectory);
    }

    private static Path repositoryOf(Path directory) {
        for (Path d = directory; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return directory;
    }

    private static Path commonAncestor(Path a, Path b) {
        Path c = a;
        while (c != null && !b.startsWith(c)) {
            c = c.getParent();
        }
        return c == null ? a.getRoot() : c;
    }

    /** The part of a path before its first segment with a glob character: the directory a glob searches. */
    static Path literalPrefix(Path path) {
        Path prefix = path.getRoot();
        for (Path segment : path) {
            if (isGlob(segment.toString())) {
                break;
            }
            prefix = prefix == null ? segment : prefix.resolve(segment);
        }
        return prefix;
    }

    static boolean isGlob(String path) {
        return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
