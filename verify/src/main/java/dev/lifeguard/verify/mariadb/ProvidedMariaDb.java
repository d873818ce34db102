package dev.lifeguard.verify.mariadb;

import dev.lifeguard.verify.RehearsalException;
import dev.lifeguard.verify.db.DatabaseSupport;
import dev.lifeguard.verify.db.RehearsalServer;
import org.mariadb.jdbc.MariaDbDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A MariaDB or MySQL database the user provides ({@code --database-url jdbc:mariadb://...} or
 * {@code jdbc:mysql://...}, e.g. a CI service container), reached with MariaDB Connector/J. As for PostgreSQL: it must
 * be empty unless {@code --allow-non-empty} names it; on close Lifeguard drops the tables, views, sequences, routines
 * and triggers the rehearsal created in it, and nothing else; it serves one history.
 */
public final class ProvidedMariaDb implements RehearsalServer {
    private static final String OBJECTS = """
            SELECT CASE TABLE_TYPE WHEN 'VIEW' THEN 'view' WHEN 'SEQUENCE' THEN 'sequence' ELSE 'table' END, TABLE_NAME
              FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()
            UNION ALL
            SELECT LOWER(ROUTINE_TYPE), ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()
            UNION ALL
            SELECT 'trigger', TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()
            """;

    private final MariaDbDataSource dataSource;
    private final String name;
    private final String version;
    private final Set<List<String>> before;
    private final List<String> leftovers = new ArrayList<>();
    private boolean handedOut;

    private ProvidedMariaDb(MariaDbDataSource dataSource, String name, String version, Set<List<String>> before) {
        this.dataSource = dataSource;
        this.name = name;
        this.version = version;
        this.before = before;
    }

    /** Whether the URL names a MariaDB or MySQL server. */
    public static boolean accepts(String url) {
        return url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
    }

    /**
     * Connects and checks the database is empty.
     *
     * @param allowNonEmpty the database name the user allowed to be non-empty, or null
     */
    public static ProvidedMariaDb open(String url, String allowNonEmpty) throws RehearsalException {
        if (!accepts(url)) {
            throw new RehearsalException("--database-url must be a MariaDB or MySQL JDBC URL (jdbc:mariadb://HOST:PORT/DATABASE?user=...): " + url);
        }
        String mariadbUrl = url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url;
        MariaDbDataSource ds;
        try {
            ds = new MariaDbDataSource(mariadbUrl);
        } catch (SQLException | RuntimeException e) {
            throw new RehearsalException("--database-url: " + e.getMessage(), e);
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String name;
            String version;
            try (ResultSet rs = s.executeQuery("SELECT DATABASE(), VERSION()")) {
                rs.next();
                name = rs.getString(1);
                version = rs.getString(2);
            }
            if (name == null) {
                throw new RehearsalException("--database-url names no database: jdbc:mariadb://HOST:PORT/DATABASE?user=...");
            }
            Set<List<String>> objects = objects(c);
            if (!objects.isEmpty() && !name.equals(allowNonEmpty)) {
                List<String> sample = objects.stream().limit(3).map(o -> o.get(0) + " " + o.get(1)).toList();
                throw new RehearsalException("database '" + name + "' is not empty (" + objects.size() + " objects, e.g. "
                        + String.join(", ", sample) + "): verify runs migrations only in an empty database, unless"
                        + " --allow-non-empty " + name + " says this one may be used");
            }
            return new ProvidedMariaDb(ds, name, version, objects);
        } catch (SQLException e) {
            throw new RehearsalException("cannot connect to --database-url: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static Set<List<String>> objects(Connection c) throws SQLException {
        Set<List<String>> out = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(OBJECTS)) {
            while (rs.next()) {
                out.add(List.of(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }

    @Override
    public synchronized DataSource freshDatabase() throws RehearsalException {
        if (handedOut) {
            throw new RehearsalException("--database-url serves one migration history, and this run has several:"
                    + " name one history's directory or changelog");
        }
        handedOut = true;
        return dataSource;
    }

    @Override
    public String describe() {
        return (version.toLowerCase(java.util.Locale.ROOT).contains("mariadb") ? "MariaDB " : "MySQL ")
                + version.replaceFirst("-.*$", "") + " (database " + name + ", from --database-url)";
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
    public DatabaseSupport support() {
        return MariaDbSupport.INSTANCE;
    }

    /** What could not be dropped on close, one line each (empty when all went). */
    public List<String> leftovers() {
        return List.copyOf(leftovers);
    }

    @Override
    public void close() {
        if (!handedOut) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<List<String>> created = new ArrayList<>(objects(c));
            created.removeAll(before);
            List<String> order = List.of("trigger", "view", "table", "sequence", "procedure", "function");
            created.sort(java.util.Comparator.comparingInt(o -> order.indexOf(o.get(0))));
            s.execute("SET foreign_key_checks = 0"); // new tables referring to each other go in any order
            for (List<String> o : created) {
                String sql = "DROP " + o.get(0).toUpperCase(java.util.Locale.ROOT) + " IF EXISTS " + MariaDbSupport.quote(o.get(1));
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    leftovers.add(sql + ": " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        } catch (SQLException e) {
            leftovers.add("could not clean up: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
