package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Reverse;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiquibaseLoaderTest {
    private static final Path ACCEPTANCE = Path.of("/work/shared/acceptance");
    private static final Path FIXTURES = Path.of("src/test/resources/liquibase");

    private static List<Migration> migrations(LiquibaseLoader.Result r) {
        assertEquals(1, r.histories().size(), LoadFixtures.dump(r));
        return r.histories().get(0).migrations();
    }

    private static void lines(Operation op, int start, int end) {
        assertEquals(start, op.span().startLine(), op.toString());
        assertEquals(end, op.span().endLine(), op.toString());
    }

    @Test
    void abstractTypesComeOutAsTheDatabaseSpellsThem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("changelog.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="a">
                        <createTable tableName="t"><column name="at" type="datetime"/></createTable>
                    </changeSet>
                    <changeSet id="2" author="a">
                        <modifyDataType tableName="t" columnName="at" newDataType="datetime(6)"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        List<Migration> pg = migrations(LoadFixtures.load(dir, Dialect.POSTGRESQL));
        var create = assertInstanceOf(Operation.CreateTable.class, pg.get(0).operations().get(0));
        assertEquals("timestamp without time zone", create.columns().get(0).type());
        var modify = assertInstanceOf(Operation.AlterColumnType.class, pg.get(1).operations().get(0));
        assertEquals("timestamp(6) without time zone", modify.definition().type());
        List<Migration> mysql = migrations(LoadFixtures.load(dir, Dialect.MYSQL));
        var mysqlModify = assertInstanceOf(Operation.AlterColumnType.class, mysql.get(1).operations().get(0));
        assertEquals("datetime(6)", mysqlModify.definition().type());
    }

    @Test
    void xmlHazardsCase() {
        var r = LoadFixtures.load(ACCEPTANCE.resolve("liquibase-xml-hazards"), Dialect.POSTGRESQL);
        assertEquals(List.of(), r.problems());
        History h = r.histories().get(0);
        assertEquals(Path.of("db/changelog/db.changelog-master.xml"), h.location());
        List<Migration> ms = h.migrations();
        assertEquals(List.of("1::ana", "2::ana", "3::ana", "4::ana"), ms.stream().map(Migration::id).toList());
        int[][] spans = {{8, 13}, {15, 18}, {20, 26}, {28, 30}};
        for (int i = 0; i < spans.length; i++) {
            assertEquals(spans[i][0], ms.get(i).span().startLine());
            assertEquals(spans[i][1], ms.get(i).span().endLine());
            assertEquals(Migration.Kind.CHANGESET, ms.get(i).kind());
        }
        assertInstanceOf(Operation.RenameColumn.class, ms.get(1).operations().get(0));
        lines(ms.get(1).operations().get(0), 16, 17);
        assertEquals(Reverse.Kind.AUTOMATIC, ms.get(1).reverse().kind());
        var add = assertInstanceOf(Operation.AddColumn.class, ms.get(2).operations().get(0));
        assertTrue(add.column().isNotNull());
        assertFalse(add.column().hasDefault());
        lines(add, 21, 25);
        var update = assertInstanceOf(Operation.DataChange.class, ms.get(3).operations().get(0));
        assertEquals(29, update.span().startLine());
        assertEquals(14, update.span().startColumn(), "sql inside <sql> keeps its own column");
        assertEquals(Reverse.Kind.NONE, ms.get(3).reverse().kind());
    }

    @Test
    void includedYamlIsReportedInItsOwnFileOnce() {
        var r = LoadFixtures.load(ACCEPTANCE.resolve("liquibase-yaml-include"), Dialect.POSTGRESQL);
        assertEquals(List.of(), r.problems());
        assertEquals(Path.of("db/changelog/db.changelog-master.yaml"), r.histories().get(0).location());
        List<Migration> ms = migrations(r);
        assertEquals(2, ms.size(), "each included file processed once although both are candidates");
        Migration drop = ms.get(1);
        assertEquals(Path.of("db/changelog/changes/002-drop-fax.yaml"), drop.file());
        assertEquals(2, drop.span().startLine());
        assertEquals(8, drop.span().endLine());
        var op = assertInstanceOf(Operation.DropColumn.class, drop.operations().get(0));
        assertEquals(Path.of("db/changelog/changes/002-drop-fax.yaml"), op.span().file());
        lines(op, 6, 8);
        assertEquals(Reverse.Kind.NONE, drop.reverse().kind());
        assertEquals(Reverse.Kind.AUTOMATIC, ms.get(0).reverse().kind());
        assertTrue(r.sources().containsKey(Path.of("db/changelog/changes/001-users.yaml")));
    }

    @Test
    void runInTransactionAndRollbackSql() {
        var ms = migrations(LoadFixtures.load(ACCEPTANCE.resolve("liquibase-concurrently-in-transaction"), Dialect.POSTGRESQL));
        assertTrue(ms.get(1).inTransaction());
        assertFalse(ms.get(2).inTransaction());
        Reverse rb = ms.get(2).reverse();
        assertEquals(Reverse.Kind.ROLLBACK_BLOCK, rb.kind());
        assertEquals(15, rb.span().startLine());
        var drop = assertInstanceOf(Operation.DropIndex.class, rb.operations().get(0));
        assertTrue(drop.concurrently());
    }

    @Test
    void yamlPropertiesContextsBlockSqlAndEmptyRollback() {
        var r = LoadFixtures.load(FIXTURES.resolve("yaml"), Dialect.POSTGRESQL);
        assertEquals(List.of(), r.problems());
        List<Migration> ms = migrations(r);
        Migration first = ms.get(0);
        assertEquals(Set.of("prod"), first.contexts());
        assertEquals(Set.of("v1"), first.labels());
        assertEquals(5, first.span().startLine());
        var create = assertInstanceOf(Operation.CreateTable.class, first.operations().get(0));
        assertEquals("app_users", create.table().name(), "${table.prefix} expanded");
        var email = create.columns().get(1);
        assertEquals("'none'", email.defaultExpression());
        assertTrue(email.isNotNull() && email.unique());
        assertEquals(dev.lifeguard.analyzer.model.ColumnDef.Generated.IDENTITY, create.columns().get(0).generated());

        Migration second = ms.get(1);
        assertFalse(second.inTransaction());
        assertEquals(Set.of("postgresql"), second.dbms());
        assertEquals(2, second.operations().size());
        lines(second.operations().get(0), 35, 35); // a literal block keeps each statement's line
        lines(second.operations().get(1), 36, 36);
        assertEquals(Reverse.Kind.ROLLBACK_BLOCK, second.reverse().kind());
        assertInstanceOf(Operation.DropIndex.class, second.reverse().operations().get(0));

        Migration third = ms.get(2);
        assertEquals(39, third.span().startLine(), "the comment above belongs to no changeSet");
        assertEquals(Reverse.Kind.IRREVERSIBLE_ON_PURPOSE, third.reverse().kind());
        assertInstanceOf(Operation.DataChange.class, third.operations().get(0), "defaultNullValue backfills first");
        assertInstanceOf(Operation.SetNotNull.class, third.operations().get(1));
        var alter = assertInstanceOf(Operation.AlterColumnType.class, third.operations().get(2));
        assertEquals("varchar(400)", alter.definition().type());

        var view = assertInstanceOf(Operation.Other.class, ms.get(3).operations().get(0), "createView generated as SQL");
        assertEquals("CREATE VIEW", view.kind());
        lines(view, 56, 58);
    }

    @Test
    void jsonChangelog() {
        var r = LoadFixtures.load(FIXTURES.resolve("json"), Dialect.POSTGRESQL);
        assertEquals(List.of(), r.problems());
        List<Migration> ms = migrations(r);
        assertEquals(List.of("1::bo", "2::bo"), ms.stream().map(Migration::id).toList());
        lines(ms.get(0).operations().get(0), 8, 8);
        assertEquals(List.of("x", "y"), ms.get(0).operations().subList(1, 3).stream()
                .map(o -> ((Operation.DropColumn) o).column()).toList());
        assertEquals(Reverse.Kind.NONE, ms.get(0).reverse().kind());
        assertEquals(Reverse.Kind.ROLLBACK_BLOCK, ms.get(1).reverse().kind());
    }

    @Test
    void formattedSql() {
        var r = LoadFixtures.load(FIXTURES.resolve("formatted"), Dialect.POSTGRESQL);
        assertEquals(List.of(), r.problems());
        List<Migration> ms = migrations(r);
        assertEquals(List.of("1::ana", "2::ana", "3::ana", "4::ana"), ms.stream().map(Migration::id).toList());
        assertEquals(3, ms.get(0).span().startLine());
        assertEquals(5, ms.get(0).span().endLine());
        assertEquals(Set.of("prod"), ms.get(0).contexts());
        lines(ms.get(0).operations().get(0), 4, 4);
        assertEquals(Reverse.Kind.ROLLBACK_BLOCK, ms.get(0).reverse().kind());
        assertInstanceOf(Operation.DropTable.class, ms.get(0).reverse().operations().get(0));
        assertFalse(ms.get(1).inTransaction());
        assertEquals(Reverse.Kind.IRREVERSIBLE_ON_PURPOSE, ms.get(1).reverse().kind());
        assertEquals(Reverse.Kind.NONE, ms.get(2).reverse().kind());
        assertEquals(2, ms.get(2).operations().size());
        assertEquals(2, ms.get(3).operations().size(), "endDelimiter GO splits");
        lines(ms.get(3).operations().get(1), 18, 18);
    }

    @Test
    void classpathIncludesAcrossModulesIncludeAllAndPlainSql() {
        var r = LoadFixtures.load(FIXTURES.resolve("multimodule"), Dialect.POSTGRESQL);
        assertEquals(List.of(), r.problems());
        assertEquals(Path.of("app/src/main/resources/db/master.xml"), r.histories().get(0).location());
        List<Migration> ms = migrations(r);
        assertEquals(List.of("lib-1::lib", "a-1::app", "b-1::app", "raw::includeAll"), ms.stream().map(Migration::id).toList(),
                "lib included twice, processed once; includeAll in name order");
        assertEquals(Path.of("lib/src/main/resources/db/lib/lib-changelog.xml"), ms.get(0).file());
        assertEquals(Set.of("lib"), ms.get(0).contexts(), "include context inherited");
        assertEquals("lib_items_v2", ((Operation.CreateTable) ms.get(0).operations().get(0)).table().name(),
                "property of the includer expanded in the included file");
        lines(ms.get(3).operations().get(0), 2, 2);
    }

    @Test
    void changeTypesRollbackFormsAndUnknowns() {
        var r = LoadFixtures.load(FIXTURES.resolve("types"), Dialect.POSTGRESQL);
        List<Migration> ms = migrations(r);
        Migration constraints = ms.get(0);
        var fk = assertInstanceOf(Operation.AddConstraint.class, constraints.operations().get(0));
        assertTrue(fk.constraint().notValid(), "validate=false");
        lines(fk, 4, 5);
        assertEquals(List.of("email", "tenant"), ((Operation.AddConstraint) constraints.operations().get(1)).constraint().columns());
        assertTrue(((Operation.CreateIndex) constraints.operations().get(3)).unique());
        assertEquals("now()", ((Operation.SetDefault) constraints.operations().get(4)).expression());
        assertEquals(Reverse.Kind.AUTOMATIC, constraints.reverse().kind());

        Migration drops = ms.get(1);
        assertEquals(Reverse.Kind.ROLLBACK_BLOCK, drops.reverse().kind());
        lines(drops.reverse().operations().get(0), 21, 21);

        Migration data = ms.get(2);
        assertEquals(List.of(false, true, false, false), data.operations().subList(0, 4).stream()
                .map(o -> ((Operation.DataChange) o).hasWhere()).toList());
        assertEquals(Reverse.Kind.NONE, data.reverse().kind());

        Migration sql = ms.get(3);
        var cdata = sql.operations().get(0);
        assertEquals(23, cdata.span().startColumn(), "CDATA content parsed in place");
        assertEquals(9, sql.operations().get(1).span().startColumn(), "entity-decoded SQL parsed at the change");
        lines(sql.operations().get(3), 37, 37);
        assertEquals(6, sql.operations().size(), "dbms=mysql sql skipped on PostgreSQL");
        assertEquals(Path.of("types/sql/extra.sql").getFileName(), sql.operations().get(4).span().file().getFileName());
        lines(sql.operations().get(5), 4, 4);
        assertTrue(r.sources().containsKey(Path.of("sql/extra.sql")));
        assertEquals(Reverse.Kind.ROLLBACK_BLOCK, sql.reverse().kind());

        Migration unknowns = ms.get(4);
        assertEquals(1, r.problems().size());
        assertEquals(45, r.problems().get(0).span().startLine());
        assertTrue(r.problems().get(0).message().contains("frobnicateTable"));
        assertEquals(3, unknowns.operations().size());
        assertEquals(Reverse.Kind.NONE, unknowns.reverse().kind(), "an unknown change vouches for no automatic rollback");

        assertEquals(6, ms.get(5).reverse().operations().size(), "rollback by changeSetId");
        assertEquals(Reverse.Kind.NONE, ms.get(6).reverse().kind(), "addAutoIncrement has no automatic rollback");
        assertTrue(ms.get(6).operations().stream().anyMatch(o -> o instanceof Operation.SetDefault));
    }

    @Test
    void isChangelogIsCheapAndExact() {
        assertTrue(LiquibaseLoader.isChangelog(Path.of("a.xml"),
                "\uFEFF<?xml version=\"1.0\"?>\n<!-- c -->\n<databaseChangeLog xmlns=\"x\"/>"));
        assertTrue(LiquibaseLoader.isChangelog(Path.of("a.xml"), "<lb:databaseChangeLog xmlns:lb=\"x\"/>"));
        assertFalse(LiquibaseLoader.isChangelog(Path.of("pom.xml"), "<project><databaseChangeLog/></project>"));
        assertTrue(LiquibaseLoader.isChangelog(Path.of("a.yaml"), "# c\ndatabaseChangeLog:\n  - changeSet: {}"));
        assertFalse(LiquibaseLoader.isChangelog(Path.of("a.yml"), "spring:\n  databaseChangeLog: x"));
        assertTrue(LiquibaseLoader.isChangelog(Path.of("a.json"), "{ \"databaseChangeLog\": [] }"));
        assertTrue(LiquibaseLoader.isChangelog(Path.of("V1.sql"), "\n-- liquibase formatted sql\n--changeset a:1\n"));
        assertFalse(LiquibaseLoader.isChangelog(Path.of("V1.sql"), "CREATE TABLE t (id int);"));
        assertFalse(LiquibaseLoader.isChangelog(Path.of("a.txt"), "databaseChangeLog:"));
    }
}
