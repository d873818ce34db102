package dev.lifeguard.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Programs the integration tests drive for real (git, pre-commit). Locally a test is skipped when one is
 * missing; under CI it fails, because .ci/run installs them and a check that cannot run proves nothing.
 */
public final class ExternalTools {
    private ExternalTools() {
    }

    public static boolean underCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isEmpty() && !ci.equals("false");
    }

    /** The program on PATH; skips the test when it is missing locally and fails it under CI. */
    public static Path require(String program, String howToInstall) {
        Path found = null;
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                found = candidate;
                break;
            }
        }
        if (found == null && underCi()) {
            fail(program + " is not installed: " + howToInstall);
        }
        assumeTrue(found != null, program + " is not installed (" + howToInstall + ")");
        return found;
    }

    /** The result of one process: exit code and its standard output and error, interleaved. */
    public record Run(int exitCode, String output) {
    }

    /** Runs a command in a directory with extra environment variables; fails the test after the timeout. */
    public static Run run(Path directory, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        pb.environment().putAll(environment);
        Process p = pb.start();
        p.getOutputStream().close();
        // Read while it runs, so that a full pipe never blocks it.
        byte[][] output = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                output[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                output[0] = ("(output lost: " + e + ")").getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 300 s");
        }
        reader.join();
        return new Run(p.exitValue(), new String(output[0], StandardCharsets.UTF_8));
    }
}
