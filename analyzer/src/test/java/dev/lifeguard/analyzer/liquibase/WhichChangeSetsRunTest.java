package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Precondition;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.sql.SqlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the loader keeps of the things that decide whether a changeSet runs: preconditions (all formats,
 * changelog level included), contexts and labels (and the lifeguard.yml filter, as Liquibase applies it),
 * custom changes, extension change types, and generated schema snapshots.
 */
class WhichChangeSetsRunTest {
    @TempDir
    Path dir;

    private static final String NS = "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
            + " xmlns:ext=\"http://www.liquibase.org/xml/ns/dbchangelog-ext\">\n";

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private List<Migration> load(Dialect dialect) {
        return load(dialect, null, null);
    }

    private List<Migration> load(Dialect dialect, String contexts, String labels) {
        Path root = dir.toAbsolutePath().normalize();
        var r = new LiquibaseLoader(root, dialect, new SqlParser(dialect)).runningOnly(contexts, labels)
                .load(LoadFixtures.candidates(root));
        assertEquals(List.of(), r.problems(), LoadFixtures.dump(r));
        assertEquals(1, r.histories().size(), LoadFixtures.dump(r));
        return r.histories().get(0).migrations();
    }

    @Test
    void xmlPreconditionsKeepTheirStructureAndActions() throws IOException {
        write("changelog.xml", NS + """
                <changeSet id="1" author="a">
                    <preConditions onFail="MARK_RAN" onError="CONTINUE">
                        <or>
                            <dbms type="oracle, mssql"/>
                            <not><tableExists tableName="users" schemaName="app"/></not>
                        </or>
                        <columnExists tableName="users" columnName="email"/>
                        <indexExists tableName="users" columnNames="email, name"/>
                        <foreignKeyConstraintExists foreignKeyName="fk_a" foreignKeyTableName="orders"/>
                        <primaryKeyExists tableName="users"/>
                        <viewExists viewName="v"/>
                        <sequenceExists sequenceName="s"/>
                        <sqlCheck expectedResult="0">SELECT 1</sqlCheck>
                        <changeLogPropertyDefined property="x"/>
                        <changeSetExecuted id="7" author="b" changeLogFile="old.xml"/>
                    </preConditions>
                    <sql>SELECT 1</sql>
                </changeSet>
                </databaseChangeLog>
                """);
        Migration m = load(Dialect.POSTGRESQL).get(0);
        assertEquals(1, m.preconditions().size());
        Precondition p = m.preconditions().get(0);
        assertEquals(Precondition.Action.MARK_RAN, p.onFail());
        assertEquals(Precondition.Action.CONTINUE, p.onError());
        assertFalse(p.changelogLevel());
        List<Precondition.Check> checks = ((Precondition.And) p.check()).checks();
        var or = assertInstanceOf(Precondition.Or.class, checks.get(0));
        assertEquals(Set.of("oracle", "mssql"), ((Precondition.Dbms) or.checks().get(0)).types());
        var not = assertInstanceOf(Precondition.Not.class, or.checks().get(1));
        assertEquals(new TableName("app", "users"), ((Precondition.TableExists) not.checks().get(0)).table());
        assertEquals("email", ((Precondition.ColumnExists) checks.get(1)).column());
        assertEquals(List.of("email", "name"), ((Precondition.IndexExists) checks.get(2)).columns());
        assertEquals("fk_a", ((Precondition.ForeignKeyExists) checks.get(3)).name());
        assertNull(((Precondition.PrimaryKeyExists) checks.get(4)).name());
        assertEquals("v", ((Precondition.ViewExists) checks.get(5)).name());
        assertEquals("s", ((Precondition.SequenceExists) checks.get(6)).name());
        var sql = assertInstanceOf(Precondition.Unanswerable.class, checks.get(7));
        assertEquals("sqlCheck", sql.kind());
        assertEquals("(expected 0) SELECT 1", sql.detail(), "the expectation first: a long query is shortened in the note");
        assertEquals("changeLogPropertyDefined", ((Precondition.Unanswerable) checks.get(8)).kind());
        assertEquals(new Precondition.Unanswerable("changeSetExecuted", "7::b in old.xml"), checks.get(9));
    }

    @Test
    void changelogPreconditionsGuardTheFileAndWhatItIncludes() throws IOException {
        write("master.xml", NS + """
                <preConditions onFail="HALT"><dbms type="mysql"/></preConditions>
                <changeSet id="1" author="a"><sql>SELECT 1</sql></changeSet>
                <include file="child.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        write("child.xml", NS + """
                <changeSet id="2" author="a">
                    <preConditions onFail="WARN"><tableExists tableName="t"/></preConditions>
                    <sql>SELECT 2</sql>
                </changeSet>
                </databaseChangeLog>
                """);
        List<Migration> ms = load(Dialect.POSTGRESQL);
        assertEquals(1, ms.get(0).preconditions().size());
        assertTrue(ms.get(0).preconditions().get(0).changelogLevel());
        assertEquals(2, ms.get(1).preconditions().size(), "the includer's changelog precondition, then its own");
        assertTrue(ms.get(1).preconditions().get(0).changelogLevel());
        assertEquals(Precondition.Action.WARN, ms.get(1).preconditions().get(1).onFail());
    }

    @Test
    void yamlAndFormattedSqlPreconditions() throws IOException {
        write("changelog.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      preConditions:
                        - onFail: CONTINUE
                        - not:
                            - dbms:
                                type: postgresql
                      changes:
                        - sql: SELECT 1
                  - include:
                      file: more.sql
                      relativeToChangelogFile: true
                """);
        write("more.sql", """
                --liquibase formatted sql
                --changeset a:2
                --preconditions onFail:MARK_RAN onError:HALT
                --precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM t
                --precondition-table-exists table:t schema:app
                SELECT 2;
                """);
        List<Migration> ms = load(Dialect.POSTGRESQL);
        Precondition yaml = ms.get(0).preconditions().get(0);
        assertEquals(Precondition.Action.CONTINUE, yaml.onFail());
        var not = assertInstanceOf(Precondition.Not.class, ((Precondition.And) yaml.check()).checks().get(0));
        assertEquals(Set.of("postgresql"), ((Precondition.Dbms) not.checks().get(0)).types());
        Precondition sql = ms.get(1).preconditions().get(0);
        assertEquals(Precondition.Action.MARK_RAN, sql.onFail());
        List<Precondition.Check> checks = ((Precondition.And) sql.check()).checks();
        assertEquals("sqlCheck", ((Precondition.Unanswerable) checks.get(0)).kind());
        assertEquals(new TableName("app", "t"), ((Precondition.TableExists) checks.get(1)).table());
    }

    @Test
    void contextsStayWholeExpressions() throws IOException {
        write("master.xml", NS + """
                <include file="child.xml" relativeToChangelogFile="true" context="eu, us"/>
                </databaseChangeLog>
                """);
        write("child.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog" context="!test">
                <changeSet id="1" author="a" context="mysql, postgresql"><sql>SELECT 1</sql></changeSet>
                </databaseChangeLog>
                """);
        Migration m = load(Dialect.POSTGRESQL).get(0);
        assertEquals(Set.of("eu, us", "!test", "mysql, postgresql"), m.contexts());
        assertTrue(m.appliesTo(Dialect.POSTGRESQL), "\"mysql, postgresql\" means either: it runs on PostgreSQL");
        assertFalse(m.appliesTo(Dialect.ORACLE));
    }

    @Test
    void contextsAndLabelFilterAsLiquibaseAppliesThem() throws IOException {
        write("master.xml", NS + """
                <changeSet id="none" author="a"><sql>SELECT 1</sql></changeSet>
                <changeSet id="test" author="a" context="test"><sql>SELECT 1</sql></changeSet>
                <changeSet id="not-prod" author="a" context="!prod"><sql>SELECT 1</sql></changeSet>
                <changeSet id="prod-and-eu" author="a" context="prod and eu"><sql>SELECT 1</sql></changeSet>
                <changeSet id="prod-or-test" author="a" context="(prod or test) and !dev"><sql>SELECT 1</sql></changeSet>
                <changeSet id="list" author="a" context="test, prod"><sql>SELECT 1</sql></changeSet>
                <changeSet id="beta" author="a" labels="beta, v2"><sql>SELECT 1</sql></changeSet>
                <changeSet id="v2" author="a" labels="v2"><sql>SELECT 1</sql></changeSet>
                <include file="eu.xml" relativeToChangelogFile="true" context="eu"/>
                <include file="labelled.xml" relativeToChangelogFile="true" labels="beta"/>
                </databaseChangeLog>
                """);
        write("eu.xml", NS + "<changeSet id=\"in-eu\" author=\"a\"><sql>SELECT 1</sql></changeSet></databaseChangeLog>\n");
        write("labelled.xml", NS + "<changeSet id=\"in-beta\" author=\"a\"><sql>SELECT 1</sql></changeSet></databaseChangeLog>\n");
        assertEquals(List.of("none", "test", "not-prod", "prod-and-eu", "prod-or-test", "list", "beta", "v2", "in-eu", "in-beta"),
                ids(load(Dialect.POSTGRESQL)), "nothing given: every changeSet runs");
        assertEquals(List.of("none", "prod-or-test", "list", "beta", "v2", "in-beta"), ids(load(Dialect.POSTGRESQL, "prod", null)));
        assertEquals(List.of("none", "prod-and-eu", "prod-or-test", "list", "beta", "v2", "in-eu", "in-beta"),
                ids(load(Dialect.POSTGRESQL, "prod,eu", null)));
        assertEquals(List.of("none", "test", "not-prod", "prod-and-eu", "prod-or-test", "list", "v2", "in-eu"),
                ids(load(Dialect.POSTGRESQL, null, "!beta")));
        // as Liquibase: a changeSet without labels runs whatever the filter; a labelled one must match it
        assertEquals(List.of("none", "test", "not-prod", "prod-and-eu", "prod-or-test", "list", "beta", "v2", "in-eu"),
                ids(load(Dialect.POSTGRESQL, null, "v2 and (beta or !beta)")));
    }

    private static List<String> ids(List<Migration> ms) {
        return ms.stream().map(m -> m.id().substring(0, m.id().indexOf("::"))).toList();
    }

    @Test
    void customChangesAndExtensionChangeTypesAreNotModelledButSaid() throws IOException {
        write("changelog.xml", NS + """
                <changeSet id="1" author="a">
                    <customChange class="org.example.Fix"><param name="x" value="1"/></customChange>
                    <ext:createSynonym objectName="t" synonymName="s"/>
                </changeSet>
                </databaseChangeLog>
                """);
        List<Operation> ops = load(Dialect.POSTGRESQL).get(0).operations();
        var custom = assertInstanceOf(Operation.NotModelled.class, ops.get(0));
        assertEquals("custom change org.example.Fix", custom.description());
        assertEquals("org.example.Fix", custom.javaClass());
        var ext = assertInstanceOf(Operation.NotModelled.class, ops.get(1));
        assertEquals("change type createSynonym of extension http://www.liquibase.org/xml/ns/dbchangelog-ext",
                ext.description());
        assertNull(ext.javaClass());
    }

    @Test
    void modifyColumnRestatesTheColumnOnMySqlAndChangesTheTypeElsewhere() throws IOException {
        write("changelog.xml", NS + """
                <changeSet id="1" author="a">
                    <ext:modifyColumn tableName="users">
                        <column name="status" type="int" defaultValueNumeric="0">
                            <constraints nullable="false"/>
                        </column>
                        <column name="note" type="varchar(255)"/>
                    </ext:modifyColumn>
                </changeSet>
                </databaseChangeLog>
                """);
        List<Operation> mysql = load(Dialect.MYSQL).get(0).operations();
        assertEquals(2, mysql.size());
        var status = assertInstanceOf(Operation.AlterColumnType.class, mysql.get(0));
        assertTrue(status.fullRedefinition());
        assertEquals("status", status.column());
        assertEquals(Boolean.FALSE, status.definition().nullable());
        assertEquals("0", status.definition().defaultExpression());
        var pg = assertInstanceOf(Operation.AlterColumnType.class, load(Dialect.POSTGRESQL).get(0).operations().get(0));
        assertFalse(pg.fullRedefinition());
        assertEquals("integer", pg.definition().type());
        assertEquals(3, pg.span().startLine());
    }

    @Test
    void aGeneratedSchemaSnapshotIsABaseline() throws IOException {
        write("snapshot.xml", NS + """
                <changeSet id="1700-1" author="ana (generated)">
                    <createTable tableName="users"><column name="id" type="int"/></createTable>
                </changeSet>
                <changeSet id="1700-2" author="ana (generated)">
                    <createTable tableName="orders"><column name="id" type="int"/><column name="user_id" type="int"/></createTable>
                </changeSet>
                <changeSet id="1700-3" author="ana (generated)">
                    <addForeignKeyConstraint baseTableName="orders" baseColumnNames="user_id" constraintName="fk"
                        referencedTableName="users" referencedColumnNames="id"/>
                </changeSet>
                <changeSet id="tuned" author="ben">
                    <createIndex tableName="orders" indexName="i"><column name="user_id"/></createIndex>
                </changeSet>
                </databaseChangeLog>
                """);
        assertTrue(load(Dialect.POSTGRESQL).stream().allMatch(Migration::baseline));
    }

    @Test
    void generatedChangesToTablesItDidNotCreateAreNoSnapshot() throws IOException {
        write("diff.xml", NS + """
                <changeSet id="1700-1" author="ana (generated)">
                    <createTable tableName="orders"><column name="id" type="int"/></createTable>
                </changeSet>
                <changeSet id="1700-2" author="ana (generated)">
                    <addColumn tableName="users"><column name="name" type="varchar(20)"/></addColumn>
                </changeSet>
                </databaseChangeLog>
                """);
        assertTrue(load(Dialect.POSTGRESQL).stream().noneMatch(Migration::baseline));
    }

    @Test
    void handWrittenChangelogsAreNoSnapshot() throws IOException {
        write("changelog.xml", NS + """
                <changeSet id="1" author="ana">
                    <createTable tableName="users"><column name="id" type="int"/></createTable>
                </changeSet>
                <changeSet id="2" author="ana">
                    <createIndex tableName="users" indexName="i"><column name="id"/></createIndex>
                </changeSet>
                </databaseChangeLog>
                """);
        assertTrue(load(Dialect.POSTGRESQL).stream().noneMatch(Migration::baseline));
    }
}
