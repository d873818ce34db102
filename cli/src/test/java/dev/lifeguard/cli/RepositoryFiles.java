package dev.lifeguard.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the Lifeguard checkout the tests read (docs, examples, installed tools). */
public final class RepositoryFiles {
    private RepositoryFiles() {
    }

    /** The checkout: the first directory upwards from the module's directory that has .ci/run. */
    public static Path root() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(".ci/run"))) {
                return d;
            }
        }
        throw new IllegalStateException("no .ci/run above " + Path.of("").toAbsolutePath());
    }
}
