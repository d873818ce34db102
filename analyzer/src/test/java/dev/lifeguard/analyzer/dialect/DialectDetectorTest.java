package dev.lifeguard.analyzer.dialect;

import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.DialectChoice;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each source of detection, through the loader (the one place the dialect is decided). */
class DialectDetectorTest {
    @TempDir
    Path root;

    private static final String TABLE = "CREATE TABLE t (id int PRIMARY KEY);\n";

    @Test
    void nothingSaysSoPostgresqlIsAssumedAndSaidToBe() throws Exception {
        write("db/migration/V1__t.sql", TABLE);
        DialectChoice choice = load().dialect();
        assertEquals(new DialectChoice(Dialect.POSTGRESQL, DialectChoice.Source.ASSUMED, ""), choice);
        assertEquals("dialect: postgresql (not detected: assumed; set --dialect or dialect: in lifeguard.yml)",
                choice.describe());
    }

    @Test
    void theUsersChoiceIsNeverSecondGuessed() throws Exception {
        write("db/migration/mysql/V1__t.sql", TABLE);
        Project p = new ProjectLoader().load(new LoadOptions(root, List.of("."), Dialect.MARIADB, List.of()));
        assertEquals(DialectChoice.given(Dialect.MARIADB), p.dialect());
        assertEquals(Dialect.MARIADB, p.histories().get(0).dialect());
    }

    @Test
    void flywayLocationPerVendor() throws Exception {
        write("src/main/resources/db/migration/mysql/V1__t.sql", TABLE);
        DialectChoice choice = load().dialect();
        assertEquals(Dialect.MYSQL, choice.dialect());
        assertEquals("dialect: mysql (detected: migration path src/main/resources/db/migration/mysql/V1__t.sql)",
                choice.describe());
    }

    @Test
    void popxFileNames() throws Exception {
        write("migrations/20200101000000_t.mysql.up.sql", TABLE);
        write("migrations/20200101000000_t.mysql.down.sql", "DROP TABLE t;\n");
        Project p = load();
        assertEquals(Dialect.MYSQL, p.dialect().dialect());
        assertEquals(Dialect.MYSQL, p.histories().get(0).dialect());
    }

    @Test
    void liquibaseDbmsWhenAllNameOneDatabase() throws Exception {
        write("db/changelog.xml", changelog("mysql", "mysql"));
        assertEquals(Dialect.MYSQL, load().dialect().dialect());
        assertTrue(load().dialect().describe().contains("Liquibase dbms=\"mysql\" on 2 changes"), load().dialect().describe());
    }

    @Test
    void liquibaseDbmsNamingSeveralDatabasesSaysNothing() throws Exception {
        write("db/changelog.xml", changelog("mysql", "postgresql"));
        assertEquals(DialectChoice.Source.ASSUMED, load().dialect().source());
    }

    @Test
    void dbmsInYamlAndFormattedSql() {
        DbmsEvidence.Tally tally = new DbmsEvidence.Tally();
        DbmsEvidence.scan("c.yaml", "databaseChangeLog:\n  - changeSet:\n      id: 1\n      dbms: mariadb\n", tally);
        DbmsEvidence.scan("c.sql", "--liquibase formatted sql\n--changeset ana:1 dbms:mariadb\nSELECT 1;\n", tally);
        assertEquals(Map.of(Dialect.MARIADB, 2), tally.counts);
        assertEquals(2, tally.changeSets);
        assertEquals(Dialect.MARIADB, tally.project().orElseThrow().getKey());
        DbmsEvidence.scan("c.xml", "<databaseChangeLog><changeSet dbms=\"!h2\"/></databaseChangeLog>", tally);
        assertEquals(Map.of(Dialect.MARIADB, 2), tally.counts, "a negation names no database");
        assertTrue(tally.variants);
        assertTrue(tally.project().isEmpty(), "per-database variants: the project runs on several databases");
    }

    @Test
    void oneDatabaseExceptionIsNotTheProjectsDatabase() throws Exception {
        // traccar: many changeSets for every database, one for SQL Server, one precondition-guarded variant
        write("db/changelog.xml", "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
                + "<changeSet id=\"1\" author=\"a\"><createTable tableName=\"t\"><column name=\"c\" type=\"int\"/></createTable></changeSet>\n"
                + "<changeSet id=\"2\" author=\"a\"><addColumn tableName=\"t\"><column name=\"d\" type=\"int\"/></addColumn></changeSet>\n"
                + "<changeSet id=\"3\" author=\"a\" dbms=\"mssql\"><sql>SELECT 1</sql></changeSet>\n</databaseChangeLog>\n");
        assertEquals(DialectChoice.Source.ASSUMED, load().dialect().source());
        write("db/changelog.xml", "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
                + "<changeSet id=\"1\" author=\"a\" dbms=\"mssql\"><sql>SELECT 1</sql></changeSet>\n"
                + "<changeSet id=\"2\" author=\"a\" dbms=\"!mssql\"><sql>SELECT 2</sql></changeSet>\n</databaseChangeLog>\n");
        assertEquals(DialectChoice.Source.ASSUMED, load().dialect().source());
    }

    @Test
    void jdbcUrlInSpringConfigButNotInTestResources() throws Exception {
        write("db/migration/V1__t.sql", TABLE);
        write("app/src/main/resources/application.yml", "spring:\n  datasource:\n    url: jdbc:mariadb://db:3306/shop\n");
        write("app/src/test/resources/application-test.properties", "spring.datasource.url=jdbc:h2:mem:test\n");
        write("app/src/main/resources/application-old.properties", "# spring.datasource.url=jdbc:oracle:thin:@x\n");
        // a container's init script under a directory named for a database is no migration: no evidence
        write("config/docker/mysql/docker-entrypoint-initdb.d/01-databases.sql", "CREATE DATABASE shop;\n");
        DialectChoice choice = load().dialect();
        assertEquals(Dialect.MARIADB, choice.dialect());
        assertEquals("dialect: mariadb (detected: jdbc:mariadb: in app/src/main/resources/application.yml)", choice.describe());
    }

    @Test
    void flywayConfAndLiquibaseProperties() throws Exception {
        write("db/migration/V1__t.sql", TABLE);
        write("flyway.conf", "flyway.url=jdbc:sqlserver://localhost;databaseName=shop\n");
        assertEquals(Dialect.SQLSERVER, load().dialect().dialect());
        Files.delete(root.resolve("flyway.conf"));
        write("liquibase.properties", "url: jdbc:oracle:thin:@localhost:1521/XE\n");
        assertEquals(Dialect.ORACLE, load().dialect().dialect());
    }

    @Test
    void aServersOwnPropertiesFileInMainResources() throws Exception {
        write("account/src/main/resources/org/example/account/migration/V1__t.sql", TABLE);
        write("profiles/server/src/main/resources/server.properties", "org.example.dao.url=jdbc:mysql://127.0.0.1:3306/app\n");
        write("profiles/server/src/main/resources/i18n/messages.properties", "jdbc.help=use jdbc:h2: for a demo\n");
        write("profiles/server/src/test/resources/server-test.properties", "org.example.dao.url=jdbc:h2:mem:test\n");
        write("e2e-tests/docker/data/application-postgres.yml", "datasource:\n  url: jdbc:postgresql://pg/app\n");
        assertEquals("dialect: mysql (detected: jdbc:mysql: in profiles/server/src/main/resources/server.properties)",
                load().dialect().describe());
    }

    @Test
    void urlsNamingSeveralDatabasesSayNothing() throws Exception {
        write("db/migration/V1__t.sql", TABLE);
        write("flyway.toml", "[environments.a]\nurl = \"jdbc:postgresql://x/db\"\n[environments.b]\nurl = \"jdbc:mysql://y/db\"\n");
        assertEquals(DialectChoice.Source.ASSUMED, load().dialect().source());
    }

    @Test
    void eachHistoryKeepsTheDatabaseItsPathNames() throws Exception {
        write("jdbc-postgres/src/main/resources/migrations/postgres/V1__t.sql", TABLE);
        write("jdbc-mysql/src/main/resources/migrations/mysql/V1__t.sql", TABLE);
        Project p = load();
        Map<String, Dialect> byLocation = new TreeMap<>();
        for (History h : p.histories()) {
            byLocation.put(h.location().toString().replace('\\', '/'), h.dialect());
        }
        assertEquals(Map.of("jdbc-mysql/src/main/resources/migrations/mysql", Dialect.MYSQL,
                "jdbc-postgres/src/main/resources/migrations/postgres", Dialect.POSTGRESQL), byLocation);
        assertTrue(p.dialect().describe().contains("jdbc-mysql/src/main/resources/migrations/mysql as mysql"),
                p.dialect().describe());
    }

    private Project load() throws Exception {
        return new ProjectLoader().load(new LoadOptions(root, List.of("."), null, List.of()));
    }

    private static String changelog(String first, String second) {
        return "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
                + "  <changeSet id=\"1\" author=\"a\" dbms=\"" + first + "\"><createTable tableName=\"t\">"
                + "<column name=\"id\" type=\"int\"/></createTable></changeSet>\n"
                + "  <changeSet id=\"2\" author=\"a\" dbms=\"" + second + "\"><createTable tableName=\"u\">"
                + "<column name=\"id\" type=\"int\"/></createTable></changeSet>\n"
                + "</databaseChangeLog>\n";
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
