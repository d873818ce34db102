package dev.lifeguard.verify.mariadb;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The throwaway MariaDB: where it listens, what it loads, that it is gone after close and after Ctrl-C. */
class MariaDbServerTest {

    private static void requireMariaDb() {
        boolean installed = MariaDbServer.binary().isPresent();
        String ci = System.getenv("CI");
        if (!installed && ci != null && !ci.isEmpty() && !ci.equals("false")) {
            fail("mariadbd is not installed: .ci/run installs Debian's mariadb-server");
        }
        assumeTrue(installed, "mariadbd is not installed (apt-get install mariadb-server)");
    }

    @Test
    void listensOnLoopbackWithTheLockPluginAndIsGoneAfterClose() throws Exception {
        requireMariaDb();
        MariaDbServer server = MariaDbServer.start();
        Path dir = server.workDirectory();
        try (Connection c = server.connect("mysql"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT @@bind_address, @@port")) {
                rs.next();
                assertEquals("127.0.0.1", rs.getString(1));
                assertEquals(server.port(), rs.getInt(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.PLUGINS"
                    + " WHERE PLUGIN_NAME = 'METADATA_LOCK_INFO' AND PLUGIN_STATUS = 'ACTIVE'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the metadata_lock_info plugin verify reads locks from");
            }
            assertTrue(server.describe().startsWith("MariaDB " + server.majorVersion() + "."), server.describe());
        } finally {
            server.close();
        }
        assertFalse(Files.exists(dir), dir + " removed");
        server.close(); // twice is harmless
    }

    /** The data directory's template: made once, reused, never a run's own; made again when damaged. */
    @Test
    void startsFromATemplateMadeOnce(@org.junit.jupiter.api.io.TempDir Path templates) throws Exception {
        requireMariaDb();
        MariaDbServer first = MariaDbServer.start(templates);
        Path template;
        try (Stream<Path> dirs = Files.list(templates)) {
            template = dirs.filter(d -> d.getFileName().toString().startsWith("template-")).findFirst().orElseThrow();
        }
        String list = Files.readString(template.resolve("files.txt"));
        assertTrue(list.contains("ibdata1"), list);
        assertFalse(first.workDirectory().startsWith(template));
        first.close();
        long made = Files.getLastModifiedTime(template.resolve("files.txt")).toMillis();
        MariaDbServer second = MariaDbServer.start(templates);
        second.close();
        assertEquals(made, Files.getLastModifiedTime(template.resolve("files.txt")).toMillis(), "reused, not made again");
        Files.delete(template.resolve("data/ibdata1")); // a temp cleaner took a file
        MariaDbServer third = MariaDbServer.start(templates);
        try (Connection c = third.connect("mysql"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
        } finally {
            third.close();
        }
        assertTrue(Files.isRegularFile(template.resolve("data/ibdata1")), "made again");
    }

    /**
     * Ctrl-C: the JVM's shutdown hook stops the server and removes its directory. The child JVM gets SIGTERM, which
     * runs the same hooks as SIGINT (a background job, as a build under CI is, ignores SIGINT).
     */
    @Test
    void ctrlCStopsAndRemovesIt() throws Exception {
        requireMariaDb();
        Path marker = Files.createTempFile("lifeguard-mariadb-dir", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartAndWait.class.getName(), marker.toString()));
        Path output = Files.createTempFile("lifeguard-mariadb-child", ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (Files.size(marker) == 0 && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(100);
        }
        String dir = Files.readString(marker).strip();
        assertFalse(dir.isEmpty(), "the child started a server: " + Files.readString(output));
        assertTrue(Files.isDirectory(Path.of(dir)), dir + " exists while the server runs: " + Files.readString(output));
        child.destroy(); // SIGTERM
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM ended on SIGTERM");
        assertFalse(Files.exists(Path.of(dir)), dir + " removed by the shutdown hook: " + Files.readString(output));
        Files.deleteIfExists(marker);
        Files.deleteIfExists(output);
    }

    /** The child: starts a server, writes its directory, and waits to be interrupted. */
    public static final class StartAndWait {
        public static void main(String[] args) throws Exception {
            MariaDbServer server = MariaDbServer.start();
            Files.writeString(Path.of(args[0]), server.workDirectory().toString());
            Thread.sleep(120_000);
        }
    }
}
