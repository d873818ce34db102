package dev.lifeguard.verify.mariadb;

import dev.lifeguard.verify.RehearsalException;
import dev.lifeguard.verify.db.DatabaseSupport;
import dev.lifeguard.verify.db.RehearsalServer;
import org.mariadb.jdbc.MariaDbDataSource;

import javax.sql.DataSource;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway MariaDB server: Debian's {@code mariadbd} (package mariadb-server, found on the PATH or in
 * /usr/sbin) on a data directory made by {@code mariadb-install-db} (a copy of one made once: {@link MariaDbTemplate})
 * in a new temporary directory, listening on a
 * free port of 127.0.0.1 only, without grant tables (nothing but this machine's loopback reaches it). Nothing is
 * downloaded at run time; the system's own MariaDB service is never touched. {@link #close()} stops it (SIGTERM,
 * then kill) and removes the directory; a shutdown hook does the same when the JVM ends first (Ctrl-C). Start-up
 * is bounded: a server that does not answer within the limit is killed and its log's last error said.
 *
 * <p>The server loads the {@code metadata_lock_info} plugin (shipped with the server): the rehearsal reads which
 * metadata lock a statement holds while it works. Used by {@code lifeguard verify} and by the tests that measure
 * MariaDB's online DDL.
 */
public final class MariaDbServer implements RehearsalServer {
    /** Where Debian installs the server; PATH is searched too. */
    private static final List<String> SBIN = List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin");
    /** How long the server may take to make its data directory and answer. */
    public static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Path dir;
    private final Thread hook;
    private Process process;
    private int port;
    private String version = "";
    private int databases;
    private volatile boolean closed;

    private MariaDbServer(Path dir) {
        this.dir = dir;
        this.hook = new Thread(this::close, "lifeguard-mariadb-cleanup");
    }

    /**
     * Names the server binary instead of the PATH and /usr/sbin ({@code -Dlifeguard.verify.mariadbd=PATH}; empty: there
     * is none), for tests of a machine without MariaDB.
     */
    public static final String BINARY_PROPERTY = "lifeguard.verify.mariadbd";

    /** The server binary, or empty when mariadb-server is not installed. */
    public static Optional<Path> binary() {
        String named = System.getProperty(BINARY_PROPERTY);
        if (named != null) {
            return named.isEmpty() || !Files.isExecutable(Path.of(named)) ? Optional.empty() : Optional.of(Path.of(named));
        }
        // mysqld is MariaDB's older name, and also Oracle MySQL's (GitHub's runners): only with MariaDB's install-db
        return find("mariadbd").or(() -> find("mariadb-install-db").or(() -> find("mysql_install_db")).flatMap(i -> find("mysqld")));
    }

    /** What to say when there is no server binary. */
    public static String missing() {
        return "no MariaDB server on this machine: install Debian's mariadb-server (apt-get install mariadb-server;"
                + " lifeguard starts its own throwaway mariadbd, the system service is not used), or give"
                + " --database-url jdbc:mariadb://HOST:PORT/DATABASE?user=U&password=P";
    }

    /** Starts a fresh server, or says in one line why it cannot. */
    public static MariaDbServer start() throws RehearsalException {
        return start(MariaDbTemplate.defaultDirectory());
    }

    /** As {@link #start()}, with the template data directory kept under {@code templates}. */
    static MariaDbServer start(Path templates) throws RehearsalException {
        Path server = binary().orElseThrow(() -> new RehearsalException(missing()));
        Path installDb = find("mariadb-install-db").or(() -> find("mysql_install_db"))
                .orElseThrow(() -> new RehearsalException("mariadb-install-db is not installed (it comes with mariadb-server)"));
        Path dir;
        try {
            dir = Files.createTempDirectory("lifeguard-mariadb-");
        } catch (IOException e) {
            throw new RehearsalException("cannot create a temporary directory for MariaDB: " + e.getMessage(), e);
        }
        MariaDbServer db = new MariaDbServer(dir);
        Runtime.getRuntime().addShutdownHook(db.hook);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path data = dir.resolve("data");
            // a copy of a data directory mariadb-install-db made once (it takes seconds; a copy a fraction of one)
            boolean copied = MariaDbTemplate.copyTo(templates, server, installDb, root, data, deadline);
            if (!copied) {
                MariaDbTemplate.install(installDb, root, data, dir.resolve("install.log"), deadline);
            }
            try {
                db.run(server, root, deadline);
            } catch (IOException e) {
                if (!copied) {
                    throw e;
                }
                // a damaged template: make this run's data directory itself
                MariaDbTemplate.deleteTree(data);
                MariaDbTemplate.install(installDb, root, data, dir.resolve("install.log"), deadline);
                db.run(server, root, deadline);
            }
            return db;
        } catch (IOException | RuntimeException e) {
            String tail = db.lastError();
            db.close();
            throw new RehearsalException("could not start MariaDB (" + server + "): " + e.getMessage()
                    + (tail.isEmpty() ? "" : " (" + tail + ")"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            db.close();
            throw new RehearsalException("interrupted while MariaDB was starting", e);
        }
    }

    /** Starts mariadbd on the data directory and waits until it answers. */
    private void run(Path server, boolean root, long deadline) throws IOException, InterruptedException {
        port = freePort();
        List<String> command = new ArrayList<>(List.of(server.toString(), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--bind-address=127.0.0.1", "--port=" + port,
                "--socket=" + dir.resolve("mariadb.sock"), "--pid-file=" + dir.resolve("mariadb.pid"),
                "--skip-grant-tables", "--skip-log-bin", "--skip-name-resolve", "--innodb-buffer-pool-size=32M",
                "--innodb-log-file-size=16M", "--innodb-flush-log-at-trx-commit=0", "--character-set-server=utf8mb4",
                "--plugin-load-add=metadata_lock_info", "--log-error=" + dir.resolve("server.log")));
        if (root) {
            command.add("--user=root"); // mariadbd refuses to run as root unless told to
        }
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        while (true) {
            try (Connection c = connect("mysql"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
                rs.next();
                version = rs.getString(1);
                return;
            } catch (SQLException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException(process.isAlive() ? "it did not answer within " + START_LIMIT.toSeconds() + " s"
                            : "it stopped (exit " + process.exitValue() + ")");
                }
                Thread.sleep(50);
            }
        }
    }

    /** A JDBC URL for a database of this server (create it first). */
    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?user=root&connectTimeout=5000";
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database));
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized DataSource freshDatabase() throws RehearsalException {
        String name = "lifeguard_rehearsal_" + (++databases);
        try (Connection c = connect("mysql"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
            return new MariaDbDataSource(url(name));
        } catch (SQLException e) {
            throw new RehearsalException("could not create a database on MariaDB: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "MariaDB " + version.replaceFirst("-.*$", "") + " (" + binary().map(Path::toString).orElse("mariadbd")
                + ", throwaway) on 127.0.0.1:" + port;
    }

    @Override
    public int majorVersion() {
        try {
            return Integer.parseInt(version.replaceFirst("^(\\d+).*$", "$1"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The full version string, e.g. 10.11.19-MariaDB-0+deb12u1. */
    public String version() {
        return version;
    }

    @Override
    public DatabaseSupport support() {
        return MariaDbSupport.INSTANCE;
    }

    /** The tail of the server's error log, for failure messages. */
    public String log() {
        try {
            Path log = dir.resolve("server.log");
            if (!Files.exists(log)) {
                return "(no server log)";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(server log unreadable: " + e + ")";
        }
    }

    private String lastError() {
        for (String file : List.of("server.log", "install.log", "stdout.log")) {
            try {
                Path log = dir.resolve(file);
                if (Files.exists(log)) {
                    String line = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                            .filter(l -> l.contains("ERROR") || l.contains("error")).reduce((a, b) -> b).orElse("").strip();
                    if (!line.isEmpty()) {
                        return line;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no log to quote
            }
        }
        return "";
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
        if (process != null) {
            process.destroy(); // SIGTERM: a clean shutdown
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        MariaDbTemplate.deleteTree(dir);
    }

    /** The server's temporary directory, for tests that check it is gone after close. */
    public Path workDirectory() {
        return dir;
    }

    private static Optional<Path> find(String program) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(SBIN);
        return dirs.stream().map(d -> Path.of(d.isEmpty() ? "." : d, program)).filter(Files::isExecutable).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
