package dev.lifeguard.intellij.problems;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project root Lifeguard reads a file's history under, chosen as the CLI chooses it: the nearest
 * directory above the file holding {@code lifeguard.yml} or {@code .git}; else the IDE project's base
 * directory when the file lies in it; else the file's own directory.
 */
public final class ProjectRoots {
    public static final String CONFIG_FILE = "lifeguard.yml";

    private ProjectRoots() {
    }

    /**
     * @param file        absolute path of the file being linted
     * @param ideBasePath the IDE project's base directory, or null
     */
    public static Path of(Path file, Path ideBasePath) {
        Path normalized = file.toAbsolutePath().normalize();
        for (Path d = normalized.getParent(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(CONFIG_FILE)) || Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        if (ideBasePath != null && normalized.startsWith(ideBasePath.toAbsolutePath().normalize())) {
            return ideBasePath.toAbsolutePath().normalize();
        }
        return normalized.getParent();
    }
}
