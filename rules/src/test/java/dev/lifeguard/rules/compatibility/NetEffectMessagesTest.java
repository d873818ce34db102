package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.locking.MissingLockTimeoutRule;
import dev.lifeguard.rules.locking.NonConcurrentIndexRule;
import dev.lifeguard.rules.testing.SqlProject;
import dev.lifeguard.rules.transactions.NonAtomicMigrationRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the compatibility rules say when a migration's net effect differs from its statements: a name that
 * exists again at commit but holds a new, empty column or table; a swap through a copy; a migration that
 * runs without a transaction; a table no migration created.
 */
class NetEffectMessagesTest {
    private static final String USERS = "CREATE TABLE users (id bigint PRIMARY KEY, status int, name text);\n";

    private static SqlProject pg(String v2) {
        return SqlProject.flyway(Dialect.POSTGRESQL).file("V1__users.sql", USERS).file("V2__change.sql", v2);
    }

    @Test
    void aColumnDroppedAndAddedAgainEmptyIsReportedAsTheDropSayingSo() {
        List<Finding> f = pg("ALTER TABLE users DROP COLUMN status;\nALTER TABLE users ADD COLUMN status text DEFAULT 'x';\n")
                .lint(new DropColumnRule());
        assertEquals(1, f.size(), f.toString());
        String m = f.get(0).message();
        assertTrue(m.contains("users.status is dropped and added again in the same migration"), m);
        assertTrue(m.contains("the name now holds a new, empty column (DEFAULT 'x')"), m);
        assertTrue(m.contains("reads the default where it read its values"), m);
        assertEquals(1, f.get(0).span().startLine(), "at the drop");
    }

    @Test
    void aColumnRenamedWhileANewEmptyOneTakesItsNameIsReportedAsTheRenameSayingSo() {
        List<Finding> f = pg("ALTER TABLE users RENAME COLUMN name TO client_id;\nALTER TABLE users ADD COLUMN name text;\n")
                .lint(new RenameColumnRule());
        assertEquals(1, f.size(), f.toString());
        String m = f.get(0).message();
        assertTrue(m.contains("users.name is renamed to client_id in place and a new, empty column name is added"), m);
        assertTrue(m.contains("finds none of its data"), m);
    }

    @Test
    void aTableDroppedAndCreatedAgainIsReportedAsTheDropSayingSo() {
        List<Finding> f = pg("DROP TABLE users;\nCREATE TABLE users (id bigint PRIMARY KEY);\n").lint(new DropTableRule());
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("the name now holds a new, empty table"), f.get(0).message());
    }

    @Test
    void aSwapThroughACopyIsTheTypeChangeNotADropOrRename() {
        String swap = "ALTER TABLE users ADD COLUMN status_new bigint;\n"
                + "UPDATE users SET status_new = status;\n"
                + "ALTER TABLE users DROP COLUMN status;\n"
                + "ALTER TABLE users RENAME COLUMN status_new TO status;\n";
        List<Finding> type = pg(swap).lint(new ColumnTypeChangeRule());
        assertEquals(1, type.size(), type.toString());
        assertTrue(type.get(0).message().contains("users.status changes type from integer to bigint through a copy"),
                type.get(0).message());
        assertTrue(pg(swap).lint(new DropColumnRule()).isEmpty(), "the name keeps its (copied) data");
        assertTrue(pg(swap).lint(new RenameColumnRule()).isEmpty(), "the running version still finds status");
        assertTrue(pg(swap.replace("bigint", "int")).lint(new ColumnTypeChangeRule()).isEmpty(),
                "a copy of the same type changes nothing the application sees");
    }

    @Test
    void withoutATransactionLocksAreStillJudgedPerStatementButARestoredNameIsNotGone() {
        String sql = "ALTER TABLE users RENAME COLUMN name TO name_tmp;\nCREATE INDEX users_tmp ON users (name_tmp);\n"
                + "ALTER TABLE users RENAME COLUMN name_tmp TO name;\nCREATE INDEX users_status ON users (status);\n";
        SqlProject p = SqlProject.flyway(Dialect.POSTGRESQL).file("V1__users.sql", USERS).file("V2__change.sql", sql, false);
        assertTrue(p.lint(new RenameColumnRule()).isEmpty(), "name exists again when the file ends");
        List<Finding> locks = p.lint(new NonConcurrentIndexRule());
        assertEquals(List.of(2, 4), locks.stream().map(x -> x.span().startLine()).toList(), "each statement takes its lock");
        assertEquals(1, p.lint(new MissingLockTimeoutRule()).size());
        SqlProject mysql = SqlProject.flyway(Dialect.MYSQL).file("V1__users.sql", USERS).file("V2__change.sql", sql, false);
        assertTrue(mysql.lint(new RenameColumnRule()).isEmpty());
        assertFalse(mysql.lint(new NonAtomicMigrationRule()).isEmpty(), "the window between them is non-atomic-migration's");
    }

    @Test
    void aSecondTypeChangeOnMySqlSaysWhatItDoesAndAnInPlaceOneIsNotReported() {
        String v1 = "CREATE TABLE queues (id bigint PRIMARY KEY, type ENUM('a', 'b') NOT NULL);\n";
        // appended to, then a value removed: the first step is in place, the second copies the table
        List<Finding> f = SqlProject.flyway(Dialect.MYSQL).file("V1__queues.sql", v1).file("V2__change.sql",
                "ALTER TABLE queues MODIFY COLUMN type ENUM('a', 'b', 'c') NOT NULL;\n"
                + "UPDATE queues SET type = 'c' WHERE type = 'b';\n"
                + "ALTER TABLE queues MODIFY COLUMN type ENUM('a', 'c') NOT NULL;\n").lint(new ColumnTypeChangeRule());
        assertEquals(1, f.size(), f.toString());
        assertEquals(3, f.get(0).span().startLine());
        String m = f.get(0).message();
        assertTrue(m.contains("changes type again in the same migration") && m.contains("on MySQL, ")
                && !m.contains("reported where it starts"), m);
        // appended to twice: both in place, nothing to report
        assertTrue(SqlProject.flyway(Dialect.MYSQL).file("V1__queues.sql", v1).file("V2__change.sql",
                "ALTER TABLE queues MODIFY COLUMN type ENUM('a', 'b', 'c') NOT NULL;\n"
                + "ALTER TABLE queues MODIFY COLUMN type ENUM('a', 'b', 'c', 'd') NOT NULL;\n")
                .lint(new ColumnTypeChangeRule()).isEmpty());
    }

    @Test
    void aTypeAnEarlierMigrationGaveAColumnOfProductionsTableIsKnown() {
        // the table predates the history; V1 widened the column, V2 makes it NOT NULL restating the same type
        SqlProject p = SqlProject.flyway(Dialect.MYSQL)
                .file("V1__widen.sql", "ALTER TABLE accounts MODIFY external_key varchar(255);\n")
                .file("V2__not_null.sql", "ALTER TABLE accounts MODIFY external_key varchar(255) NOT NULL;\n");
        List<Finding> f = p.lint(new ColumnTypeChangeRule());
        assertEquals(1, f.size(), f.toString());
        assertEquals("V1__widen.sql", f.get(0).span().file().getFileName().toString());
        // a type stated before a drop of the column is not the type of the column added since
        List<Finding> dropped = SqlProject.flyway(Dialect.MYSQL)
                .file("V1__widen.sql", "ALTER TABLE accounts MODIFY external_key varchar(255);\n")
                .file("V2__drop.sql", "ALTER TABLE accounts DROP COLUMN external_key;\n")
                .file("V3__retype.sql", "ALTER TABLE accounts MODIFY external_key varchar(255) NOT NULL;\n")
                .lint(new ColumnTypeChangeRule());
        assertEquals(2, dropped.size(), dropped.toString());
    }

    @Test
    void aTableNoMigrationCreatedGetsNoInventedType() {
        List<Finding> rename = SqlProject.flyway(Dialect.POSTGRESQL)
                .file("V1__rename.sql", "ALTER TABLE legacy RENAME COLUMN a TO b;\n").lint(new RenameColumnRule());
        assertEquals(1, rename.size());
        assertTrue(rename.get(0).message().contains("legacy.a (not created by any migration linted)"), rename.get(0).message());
        assertTrue(rename.get(0).help().contains("ADD COLUMN b <type>"), "the type is not known: " + rename.get(0).help());

        List<Finding> change = SqlProject.flyway(Dialect.MYSQL)
                .file("V1__change.sql", "ALTER TABLE legacy CHANGE a b varchar(20);\n").lint(new RenameColumnRule());
        assertTrue(change.get(0).help().contains("ADD COLUMN b varchar(20)"), "the statement states it: " + change.get(0).help());

        List<Finding> type = SqlProject.flyway(Dialect.POSTGRESQL)
                .file("V1__type.sql", "ALTER TABLE legacy ALTER COLUMN a TYPE bigint;\n").lint(new ColumnTypeChangeRule());
        assertEquals(1, type.size());
        String m = type.get(0).message();
        assertTrue(m.contains("changes type to bigint (no migration linted creates legacy: its previous type is not known)"), m);

        List<Finding> drop = SqlProject.flyway(Dialect.POSTGRESQL)
                .file("V1__drop.sql", "DROP TABLE legacy;\n").lint(new DropTableRule());
        assertTrue(drop.get(0).message().contains("legacy (not created by any migration linted)"), drop.get(0).message());
    }
}
