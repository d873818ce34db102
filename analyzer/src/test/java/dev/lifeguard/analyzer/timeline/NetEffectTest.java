package dev.lifeguard.analyzer.timeline;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.sql.SqlParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The net change an application sees across one migration, replayed from real SQL. */
class NetEffectTest {
    private static final String USERS = "CREATE TABLE users (id bigint PRIMARY KEY, name text, value int, fax text);";

    @Test
    void aMigrationThatReshapesNothingIsNotReplayed() {
        assertSame(NetEffect.NONE, net(USERS, "ALTER TABLE users ADD COLUMN email text; CREATE INDEX i ON users (name);"));
    }

    @Test
    void aPlainDropAndRenameAreWhatTheySay() {
        List<NetChange> c = net(USERS, "ALTER TABLE users DROP COLUMN fax;\nALTER TABLE users RENAME COLUMN name TO full_name;")
                .changes();
        assertEquals(2, c.size(), c.toString());
        NetChange.ColumnDropped d = (NetChange.ColumnDropped) c.get(0);
        assertEquals("fax", d.column().name());
        assertEquals(NetChange.NameNow.NOTHING, d.nameNow());
        assertEquals(0, d.at());
        NetChange.ColumnRenamed r = (NetChange.ColumnRenamed) c.get(1);
        assertEquals("full_name", r.to());
        assertEquals(1, r.at());
    }

    @Test
    void renamedAwayAndBackIsNoChange() {
        assertEquals(List.of(), net(USERS, "ALTER TABLE users RENAME COLUMN name TO name_tmp;\n"
                + "ALTER TABLE users RENAME COLUMN name_tmp TO name;\nALTER TABLE users RENAME TO users_tmp;\n"
                + "ALTER TABLE users_tmp RENAME TO users;").changes());
    }

    @Test
    void aRenameWhoseOldNameGetsANewEmptyColumnSaysSo() {
        List<NetChange> c = net(USERS, "ALTER TABLE users RENAME COLUMN name TO client_id;\n"
                + "ALTER TABLE users ADD COLUMN name text;").changes();
        assertEquals(1, c.size(), c.toString());
        NetChange.ColumnRenamed r = (NetChange.ColumnRenamed) c.get(0);
        assertEquals(NetChange.NameNow.NEW_EMPTY, r.nameNow());
        assertEquals("client_id", r.to());
    }

    @Test
    void aSwapThroughAFilledCopyIsATypeChange() {
        List<NetChange> c = net(USERS, "ALTER TABLE users ADD COLUMN value_new bigint;\n"
                + "UPDATE users SET value_new = value;\nALTER TABLE users DROP COLUMN value;\n"
                + "ALTER TABLE users RENAME COLUMN value_new TO value;").changes();
        assertEquals(1, c.size(), c.toString());
        NetChange.ColumnRetyped t = (NetChange.ColumnRetyped) c.get(0);
        assertTrue(t.throughCopy());
        assertEquals("int", t.column().type());
        assertEquals("bigint", t.now().type());
        assertEquals(2, t.at(), "reported at the drop of the old column");
    }

    @Test
    void theSameSwapWithoutFillingIsADropThatLeavesAnEmptyColumn() {
        List<NetChange> c = net(USERS, "ALTER TABLE users ADD COLUMN value_new bigint;\n"
                + "UPDATE users SET name = 'x';\nALTER TABLE users DROP COLUMN value;\n"
                + "ALTER TABLE users RENAME COLUMN value_new TO value;").changes();
        NetChange.ColumnDropped d = (NetChange.ColumnDropped) c.get(0);
        assertEquals(NetChange.NameNow.NEW_EMPTY, d.nameNow(), "the UPDATE does not fill value_new");
    }

    @Test
    void aTableRebuiltThroughACopyKeepsItsNameAndLosesOnlyTheColumnsNotCopied() {
        List<NetChange> c = net(USERS, "CREATE TABLE tmp_users (id bigint PRIMARY KEY, name varchar(200), value int);\n"
                + "INSERT INTO tmp_users (id, name, value) SELECT id, name, value FROM users;\nDROP TABLE users;\n"
                + "ALTER TABLE tmp_users RENAME TO users;").changes();
        assertTrue(c.stream().anyMatch(x -> x instanceof NetChange.TableRebuilt), c.toString());
        assertTrue(c.stream().noneMatch(x -> x instanceof NetChange.TableDropped), c.toString());
        List<String> dropped = c.stream().filter(x -> x instanceof NetChange.ColumnDropped)
                .map(x -> ((NetChange.ColumnDropped) x).column().name()).toList();
        assertEquals(List.of("fax"), dropped);
        NetChange.ColumnRetyped name = c.stream().filter(x -> x instanceof NetChange.ColumnRetyped r
                && r.column().name().equals("name")).map(x -> (NetChange.ColumnRetyped) x).findFirst().orElseThrow();
        assertEquals("varchar(200)", name.now().type());
    }

    @Test
    void aTableRenamedToOldAndRebuiltUnderItsNameIsRebuilt() {
        List<NetChange> c = net(USERS, "ALTER TABLE users RENAME TO users_old;\n"
                + "CREATE TABLE users (id bigint PRIMARY KEY, name text, value int, fax text);\n"
                + "INSERT INTO users SELECT * FROM users_old;\nDROP TABLE users_old;").changes();
        assertTrue(c.stream().noneMatch(x -> x instanceof NetChange.TableDropped || x instanceof NetChange.TableRenamed),
                c.toString());
    }

    @Test
    void droppedAndCreatedAgainEmptyIsADropWhoseNameHoldsANewTable() {
        List<NetChange> c = net(USERS, "DROP TABLE users;\nCREATE TABLE users (id bigint);").changes();
        NetChange.TableDropped d = (NetChange.TableDropped) c.get(0);
        assertEquals(NetChange.NameNow.NEW_EMPTY, d.nameNow());
    }

    @Test
    void aTableNoMigrationCreatedIsPresumedWhenDroppedIfExistsOrNot() {
        NetChange.TableDropped d = (NetChange.TableDropped) net(USERS, "DROP TABLE legacy;").changes().get(0);
        assertTrue(d.table().isPresumed());
        List<NetChange> ifExists = net(USERS, "DROP TABLE IF EXISTS legacy;\nDROP TABLE IF EXISTS legacy;").changes();
        // production may have it; each DROP TABLE of production's table is one the team wrote (as squawk's
        // ban-drop-table counts them), though the second finds nothing the first left
        assertEquals(List.of(0, 1), ifExists.stream().map(NetChange::at).toList(), ifExists.toString());
        assertTrue(ifExists.get(0).table().isPresumed());
        List<NetChange> created = net(USERS, "DROP TABLE IF EXISTS legacy;\nCREATE TABLE legacy (id int);\n"
                + "DROP TABLE IF EXISTS legacy;").changes();
        assertEquals(1, created.size(), "a table this migration created is not presumed again: " + created);
        // a dump-style baseline: the presumed table's name holds a new one (the rules tell it apart as fresh)
        NetChange.TableDropped dump = (NetChange.TableDropped) net(USERS,
                "DROP TABLE IF EXISTS legacy;\nCREATE TABLE legacy (id int);").changes().get(0);
        assertEquals(NetChange.NameNow.NEW_EMPTY, dump.nameNow());
    }

    @Test
    void aColumnDroppedIfExistsIsPresumedOnlyWhereTheHistoryDoesNotKnowTheTable() {
        List<NetChange> unknown = net(USERS, "ALTER TABLE legacy DROP COLUMN IF EXISTS fax;\n"
                + "ALTER TABLE legacy DROP COLUMN IF EXISTS fax;").changes();
        assertEquals(1, unknown.size(), unknown.toString());
        assertTrue(unknown.get(0) instanceof NetChange.ColumnDropped);
        assertEquals(List.of(), net(USERS, "ALTER TABLE users DROP COLUMN IF EXISTS phone;").changes(),
                "users is known and has no phone: the statement does nothing");
    }

    @Test
    void aColumnOfAnUnknownTableIsPresumedWhenRenamed() {
        List<NetChange> c = net(USERS, "ALTER TABLE legacy RENAME COLUMN a TO b;\nALTER TABLE legacy RENAME COLUMN b TO a;")
                .changes();
        assertEquals(List.of(), c);
        NetChange.ColumnRenamed r = (NetChange.ColumnRenamed) net(USERS, "ALTER TABLE legacy RENAME COLUMN a TO b;")
                .changes().get(0);
        assertTrue(r.table().isPresumed());
    }

    @Test
    void aColumnAddedAndDroppedInTheSameMigrationIsNothing() {
        assertEquals(List.of(), net(USERS, "ALTER TABLE users ADD COLUMN tmp int;\nALTER TABLE users DROP COLUMN tmp;")
                .changes());
    }

    @Test
    void anInPlaceTypeChangeIsReportedAtItsFirstStatement() {
        List<NetChange> c = net(USERS, "ALTER TABLE users ALTER COLUMN value TYPE bigint;\n"
                + "ALTER TABLE users ALTER COLUMN value TYPE numeric(20);").changes();
        assertEquals(1, c.size(), c.toString());
        NetChange.ColumnRetyped t = (NetChange.ColumnRetyped) c.get(0);
        assertEquals("numeric(20)", t.now().type());
        assertEquals(0, t.at());
    }

    @Test
    void theStateBeforeIsNotModified() {
        SchemaState before = replay(USERS);
        NetEffect.of(before, migration("V2", "DROP TABLE users;"), null);
        assertTrue(before.table(dev.lifeguard.analyzer.model.TableName.parse("users")).isPresent());
    }

    private static NetEffect net(String history, String sql) {
        return NetEffect.of(replay(history), migration("V2", sql), span -> sql.substring(span.startOffset(), span.endOffset()));
    }

    private static SchemaState replay(String history) {
        SchemaState s = new SchemaState();
        Migration m = migration("V1", history);
        m.operations().forEach(op -> s.apply(m, op));
        return s;
    }

    private static Migration migration(String version, String sql) {
        SourceFile file = new SourceFile(Path.of(version + "__m.sql"), sql);
        return new Migration(version, version, "m", Framework.FLYWAY, Migration.Kind.VERSIONED,
                file.span(0, sql.length()), true, Set.of(), Set.of(), Set.of(), false,
                new SqlParser(Dialect.POSTGRESQL).parse(file), Reverse.none());
    }
}
