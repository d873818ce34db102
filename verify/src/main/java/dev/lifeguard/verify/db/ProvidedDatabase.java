package dev.lifeguard.verify.db;

import dev.lifeguard.verify.RehearsalException;
import org.postgresql.ds.PGSimpleDataSource;

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
 * A PostgreSQL database the user provides ({@code --database-url}, e.g. a CI service container). It must be
 * empty, unless {@code --allow-non-empty} names it; on close, Lifeguard drops what the rehearsal created (new
 * schemas, and new tables, views, sequences, types and functions in the schemas that were there) and nothing
 * else. It serves one history: the rehearsal needs an empty database per history.
 */
public final class ProvidedDatabase implements RehearsalServer {
    /** Objects of user schemas as {@code kind schema.name}: what was there before the rehearsal. */
    private static final String OBJECTS = """
            SELECT 'schema', nspname, '' FROM pg_namespace
             WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public') AND nspname NOT LIKE 'pg\\_%'
            UNION ALL
            SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
                   WHEN 'f' THEN 'foreign table' ELSE 'table' END, n.nspname, c.relname
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND n.nspname NOT LIKE 'pg\\_%'
               AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
            UNION ALL
            SELECT 'type', n.nspname, t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE t.typtype IN ('e', 'd', 'r', 'c') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND n.nspname NOT LIKE 'pg\\_%' AND (t.typtype <> 'c' OR EXISTS
                   (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))
            UNION ALL
            SELECT 'function', n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
            """;

    private final PGSimpleDataSource dataSource;
    private final String name;
    private final String version;
    private final Set<List<String>> before;
    private final List<String> leftovers = new ArrayList<>();
    private boolean handedOut;

    private ProvidedDatabase(PGSimpleDataSource dataSource, String name, String version, Set<List<String>> before) {
        this.dataSource = dataSource;
        this.name = name;
        this.version = version;
        this.before = before;
    }

    /**
     * Connects and checks the database is empty.
     *
     * @param allowNonEmpty the database name the user allowed to be non-empty, or null
     */
    public static ProvidedDatabase open(String url, String allowNonEmpty) throws RehearsalException {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new RehearsalException("--database-url must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE?user=...),"
                    + " or for MariaDB/MySQL histories jdbc:mariadb:// or jdbc:mysql://: " + url);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setURL(url);
        } catch (RuntimeException e) {
            throw new RehearsalException("--database-url: " + e.getMessage(), e);
        }
        ds.setApplicationName("lifeguard verify");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String name;
            String version;
            try (ResultSet rs = s.executeQuery("SELECT current_database(), current_setting('server_version')")) {
                rs.next();
                name = rs.getString(1);
                version = rs.getString(2);
            }
            Set<List<String>> objects = objects(c);
            if (!objects.isEmpty() && !name.equals(allowNonEmpty)) {
                List<String> sample = objects.stream().limit(3).map(o -> o.get(0) + " " + o.get(1) + (o.get(2).isEmpty() ? "" : "." + o.get(2))).toList();
                throw new RehearsalException("database '" + name + "' is not empty (" + objects.size() + " objects, e.g. "
                        + String.join(", ", sample) + "): verify runs migrations only in an empty database, unless"
                        + " --allow-non-empty " + name + " says this one may be used");
            }
            return new ProvidedDatabase(ds, name, version, objects);
        } catch (SQLException e) {
            throw new RehearsalException("cannot connect to --database-url: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static Set<List<String>> objects(Connection c) throws SQLException {
        Set<List<String>> out = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(OBJECTS)) {
            while (rs.next()) {
                out.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3)));
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
        return "PostgreSQL " + version + " (database " + name + ", from --database-url)";
    }

    @Override
    public int majorVersion() {
        try {
            return Integer.parseInt(version.replaceFirst("^(\\d+).*$", "$1"));
        } catch (NumberFormatException e) {
            return 0;
        }
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
            // schemas go whole (with what is in them); in schemas that were there, views before tables before
            // sequences, types and functions, each without CASCADE so nothing that was there goes with them
            List<String> order = List.of("schema", "materialized view", "view", "foreign table", "table", "sequence", "type", "function");
            created.sort(java.util.Comparator.comparingInt(o -> order.indexOf(o.get(0))));
            Set<String> droppedSchemas = new HashSet<>();
            for (List<String> o : created) {
                if (droppedSchemas.contains(o.get(1)) && !o.get(0).equals("schema")) {
                    continue;
                }
                String sql = o.get(0).equals("schema") ? "DROP SCHEMA IF EXISTS " + quote(o.get(1)) + " CASCADE"
                        : o.get(0).equals("function") ? "DROP FUNCTION IF EXISTS " + quote(o.get(1)) + "." + function(o.get(2))
                        : "DROP " + o.get(0).toUpperCase(java.util.Locale.ROOT) + " IF EXISTS " + quote(o.get(1)) + "." + quote(o.get(2));
                try {
                    s.execute(sql);
                    if (o.get(0).equals("schema")) {
                        droppedSchemas.add(o.get(1));
                    }
                } catch (SQLException e) {
                    leftovers.add(sql + ": " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        } catch (SQLException e) {
            leftovers.add("could not clean up: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String function(String signature) {
        int paren = signature.indexOf('(');
        return quote(signature.substring(0, paren)) + signature.substring(paren);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
