package dev.lifeguard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Lifeguard's own version: the jar manifest's Implementation-Version, which the class loader has already read
 * (opening a resource of the jar would cost a lint run more than a millisecond), else version.properties, which
 * the build writes (classes outside the jar: tests, an IDE). Apart from {@link Version}, which is picocli's
 * provider: a class that names picocli's (Java 5) types cannot be kept in the JVM's start-up cache.
 */
final class BuildVersion {
    private BuildVersion() {
    }

    static String current() {
        Package pkg = BuildVersion.class.getPackage();
        String fromManifest = pkg == null ? null : pkg.getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
