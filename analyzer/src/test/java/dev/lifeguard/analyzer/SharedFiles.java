package dev.lifeguard.analyzer;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The project's shared test material, {@code ../shared} beside the checkout ({@code -Dlifeguard.shared=DIR}
 * elsewhere): acceptance cases and a real-world corpus too big for the repository. A test that needs it is
 * skipped with the reason where it is absent (a fresh clone), and fails under CI (CI=true), which has it.
 */
public final class SharedFiles {
    private SharedFiles() {
    }

    /** The shared directory's root, absolute (may not exist). */
    public static Path root() {
        return Path.of(System.getProperty("lifeguard.shared", "../../shared")).toAbsolutePath().normalize();
    }

    /** {@code relative} under the shared directory; skips the test (fails it under CI) when it is not there. */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isEmpty() && !ci.equals("false")) {
                fail(path + " is missing: CI runs with ../shared beside the checkout");
            }
            assumeTrue(false, path + " not found: ../shared (the shared acceptance cases and corpus) is not beside"
                    + " this checkout");
        }
        return path;
    }
}
