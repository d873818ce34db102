package dev.lifeguard.verify.postgres;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.verify.db.DatabaseSupport;
import dev.lifeguard.verify.run.Observer;
import dev.lifeguard.verify.seed.Seeder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** PostgreSQL's catalog, seeder and statement observer, for the rehearsal. */
public final class PostgresSupport implements DatabaseSupport {
    public static final PostgresSupport INSTANCE = new PostgresSupport();

    private PostgresSupport() {
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public SchemaSnapshot snapshot(Connection c) throws SQLException {
        return PgCatalog.snapshot(c);
    }

    @Override
    public Map<Long, TableRef> tablesWithRows(Connection c) throws SQLException {
        Map<Long, TableRef> out = new HashMap<>();
        List<TableRef> all = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.oid, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                   AND n.nspname NOT LIKE 'pg\\_%'""")) {
            while (rs.next()) {
                if (!PgCatalog.isRunnerTable(rs.getString(3))) {
                    all.add(new TableRef(rs.getLong(1), rs.getString(2), rs.getString(3), 0));
                }
            }
        }
        for (TableRef t : all) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t.sql())) {
                rs.next();
                long n = rs.getLong(1);
                if (n > 0) {
                    out.put(t.oid(), new TableRef(t.oid(), t.schema(), t.name(), n));
                }
            }
        }
        return out;
    }

    @Override
    public List<Seeder.Outcome> fill(Connection c, int rows) throws SQLException {
        return new Seeder(rows).fillEmptyTables(c, PgCatalog.RUNNER_TABLES);
    }

    @Override
    public Observer observer(DataSource sessions, Map<Long, TableRef> tables) throws SQLException {
        return new StatementObserver(sessions, tables);
    }

    @Override
    public void empty(Connection c, List<TableRef> tables) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + String.join(", ", tables.stream().map(TableRef::sql).toList()) + " CASCADE");
        }
    }
}
