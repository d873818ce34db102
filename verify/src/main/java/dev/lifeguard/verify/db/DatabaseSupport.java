package dev.lifeguard.verify.db;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.verify.postgres.SchemaSnapshot;
import dev.lifeguard.verify.postgres.TableRef;
import dev.lifeguard.verify.run.Observer;
import dev.lifeguard.verify.seed.Seeder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What a rehearsal needs from one kind of database: its catalog, its tables with rows, filling them, measuring a
 * statement, emptying tables. PostgreSQL's is {@code PostgresSupport}; MariaDB's is {@code MariaDbSupport}.
 */
public interface DatabaseSupport {

    /** The dialect its statements are split and parsed in. */
    Dialect dialect();

    /** "PostgreSQL", "MariaDB": for messages. */
    String name();

    /** The schema as the catalog describes it now (the runners' bookkeeping tables left out). */
    SchemaSnapshot snapshot(Connection c) throws SQLException;

    /** The application's tables that hold rows, each with its row count, by a key stable for the migration. */
    Map<Long, TableRef> tablesWithRows(Connection c) throws SQLException;

    /** Fills the empty tables with {@code rows} synthetic rows each. */
    List<Seeder.Outcome> fill(Connection c, int rows) throws SQLException;

    /** Measures statements on {@code tables}; Lifeguard's own sessions come from {@code sessions}. */
    Observer observer(DataSource sessions, Map<Long, TableRef> tables) throws SQLException;

    /**
     * A write of the version running in production that fails after a migration although the migration itself ran:
     * an INSERT naming only the columns the table had before, refused for {@code column} with the server's
     * {@code error}.
     */
    record FailingWrite(String table, String column, String error) {
    }

    /**
     * The running version's INSERTs that fail after a migration on the tables that hold rows ({@code before}: the
     * schema before it). PostgreSQL refuses such a migration itself; MariaDB accepts a NOT NULL column without a
     * default (it fills the rows with the type's implicit default) and refuses the old INSERTs afterwards.
     */
    default List<FailingWrite> failingOldWrites(Connection c, SchemaSnapshot before, Map<Long, TableRef> tables) throws SQLException {
        return List.of();
    }

    /** Deletes every row of the tables (and of the tables referring to them). */
    void empty(Connection c, List<TableRef> tables) throws SQLException;
}
