package dev.lifeguard.analyzer.discovery;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Flyway's ${placeholders} replaced as Flyway replaces them, as far as known, every character kept in place. */
class FlywayPlaceholdersTest {
    private static final Path LOCATION = Path.of("app/src/main/resources/db/migration");

    private static FlywayPlaceholders with(InMemoryFiles files) {
        return FlywayPlaceholders.find(LOCATION, files);
    }

    private static void assertApplied(FlywayPlaceholders p, String sql, String expected) {
        String out = p.apply(sql);
        assertEquals(expected, out);
        assertEquals(sql.length(), out.length(), "spans hold: the text keeps its length");
    }

    @Test
    void textWithoutPlaceholdersIsTheSameText() {
        String sql = "CREATE TABLE users (price text DEFAULT '$5');\n";
        assertSame(sql, FlywayPlaceholders.NONE.apply(sql));
    }

    @Test
    void valuesFromSpringApplicationProperties() {
        FlywayPlaceholders p = with(new InMemoryFiles()
                .add("app/src/main/resources/application.properties", "spring.flyway.placeholders.owner=admin\n")
                .add("app/src/main/resources/application-prod.yml", "spring:\n  flyway:\n    placeholders:\n      role: rw\n"));
        assertApplied(p, "ALTER TABLE users OWNER TO ${owner};", "ALTER TABLE users OWNER TO admin   ;");
        assertApplied(p, "GRANT SELECT ON users TO ${role};", "GRANT SELECT ON users TO rw     ;");
    }

    @Test
    void valuesFromFlywayConf() {
        FlywayPlaceholders p = with(new InMemoryFiles().add("flyway.conf", "flyway.placeholders.tablespace=fast\n"));
        assertApplied(p, "CREATE TABLE t (id int) TABLESPACE ${tablespace};",
                "CREATE TABLE t (id int) TABLESPACE fast         ;");
    }

    @Test
    void aKnownSchemaQualifierIsKept() {
        FlywayPlaceholders p = with(new InMemoryFiles()
                .add("app/src/main/resources/application.properties", "spring.flyway.placeholders.schema=app\n"));
        assertApplied(p, "DROP TABLE ${schema}.users;", "DROP TABLE app      .users;");
    }

    @Test
    void anUnknownSchemaQualifierIsLeftOutWithItsDot() {
        // tables are matched without their schema; the message names the table as the code does
        assertApplied(FlywayPlaceholders.NONE, "DROP TABLE ${ohdsiSchema}.cohort;", "DROP TABLE                cohort;");
        assertApplied(FlywayPlaceholders.NONE, "DROP TABLE [${ohdsiSchema}].[cohort];", "DROP TABLE                  [cohort];");
        assertApplied(FlywayPlaceholders.NONE, "DROP TABLE \"${s}\".\"cohort\";", "DROP TABLE        \"cohort\";");
        assertApplied(FlywayPlaceholders.NONE, "DROP TABLE `${s}`.cohort;", "DROP TABLE        cohort;");
        assertApplied(FlywayPlaceholders.NONE, "SELECT 'x[${s}].y';", "SELECT 'x[s___].y';");
    }

    @Test
    void anUnknownPlaceholderStandsAsAnOpaqueNameOfItsLength() {
        assertApplied(FlywayPlaceholders.NONE, "CREATE TABLE ${prefix}audit (id int);", "CREATE TABLE prefix___audit (id int);");
        assertApplied(FlywayPlaceholders.NONE, "SET search_path TO ${flyway:defaultSchema};",
                "SET search_path TO flyway_defaultSchema___;");
        assertApplied(FlywayPlaceholders.NONE, "CREATE TABLE ${1st} (id int);", "CREATE TABLE _1st__ (id int);");
    }

    @Test
    void aValueTheBuildFillsInIsNotKnown() {
        FlywayPlaceholders p = with(new InMemoryFiles()
                .add("app/src/main/resources/application.properties", "spring.flyway.placeholders.schema=${DB_SCHEMA}\n"));
        assertApplied(p, "DROP TABLE ${schema}.users;", "DROP TABLE           users;");
    }

    @Test
    void aValueThatWouldNotFitOrIsGluedToANameStaysOpaque() {
        FlywayPlaceholders p = with(new InMemoryFiles()
                .add("app/src/main/resources/application.properties",
                        "spring.flyway.placeholders.p=application_\nspring.flyway.placeholders.x=ok\n"));
        assertApplied(p, "CREATE TABLE ${p} (id int);", "CREATE TABLE p___ (id int);");
        assertApplied(p, "CREATE TABLE ${x}audit (id int);", "CREATE TABLE x___audit (id int);");
        assertApplied(p, "CREATE TABLE a.${x}.b (id int);", "CREATE TABLE a.ok  .b (id int);");
    }

    @Test
    void configOutsideTheMigrationsTreeIsNotRead() {
        FlywayPlaceholders p = with(new InMemoryFiles()
                .add("other/src/main/resources/application.properties", "spring.flyway.placeholders.owner=admin\n"));
        assertApplied(p, "ALTER TABLE users OWNER TO ${owner};", "ALTER TABLE users OWNER TO owner___;");
    }
}
