package dev.lifeguard.intellij;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Jars the verification tests take from the local Maven repository (never downloaded by the build; {@code .ci/run}
 * fetches them with {@code mvn dependency:get}) and the plugin zip the build made. A missing input skips the
 * test with the reason, except under {@code CI=true}, where it fails.
 */
final class ExternalInputs {
    private ExternalInputs() {
    }

    static Path localRepository() {
        String configured = System.getProperty("lifeguard.m2");
        if (configured != null && !configured.isBlank() && !configured.contains("${")) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** {@code group:artifact:version[:classifier]} in the local repository. */
    static Path artifact(String coordinates) {
        String[] p = coordinates.split(":");
        String file = p[1] + "-" + p[2] + (p.length > 3 ? "-" + p[3] : "") + ".jar";
        return localRepository().resolve(p[0].replace('.', '/')).resolve(p[1]).resolve(p[2]).resolve(file);
    }

    /** The artifacts, each present, or the test is skipped (failed under CI) naming what is missing. */
    static List<Path> require(String why, String... coordinates) {
        List<Path> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String c : coordinates) {
            Path jar = artifact(c);
            if (Files.isRegularFile(jar)) {
                out.add(jar);
            } else {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            String message = why + " needs " + String.join(", ", missing) + " in " + localRepository()
                    + " (.ci/run fetches them: mvn dependency:get -Dartifact=...)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.assumeTrue(false, message);
        }
        return out;
    }

    /** The plugin zip the build made (integration-test phase, which names it; before that, the test is skipped). */
    static Path pluginZip() {
        String zip = System.getProperty("lifeguard.plugin.zip");
        Assumptions.assumeTrue(zip != null, "runs in the integration-test phase, on the zip the package phase built");
        if (!Files.isRegularFile(Path.of(zip))) {
            fail("the plugin zip is built before this test runs (mvn verify): " + zip);
        }
        return Path.of(zip);
    }
}
