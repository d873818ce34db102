package dev.lifeguard.rules.config;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigFileReaderTest {
    private static final Set<String> IDS = Set.of("drop-column", "missing-reverse", "table-rewrite", "set-not-null");

    private static ProjectConfig read(String yaml) throws ConfigException {
        return new ConfigFileReader(IDS).read(Path.of("/repo/lifeguard.yml"), "lifeguard.yml", yaml);
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> read(yaml)).getMessage();
    }

    @Test
    void everyKey() throws ConfigException {
        ProjectConfig c = read("""
                dialect: mysql
                target-version: "8.0.11"
                migrations: [db/migration, "modules/*/db"]
                code: src/main/java
                exclude:
                  - db/migration/legacy/**
                start-after: "41"
                rules:
                  drop-column: off
                  missing-reverse: note
                  table-rewrite: {enabled: false}
                  set-not-null: {severity: error, enabled: true}
                """);
        assertEquals(Path.of("/repo/lifeguard.yml"), c.file());
        assertEquals(Path.of("/repo"), c.directory());
        assertEquals(Dialect.MYSQL, c.dialect());
        assertEquals("8.0.11", c.targetVersion());
        assertEquals(List.of("db/migration", "modules/*/db"), c.migrations());
        assertEquals(List.of("src/main/java"), c.code());
        assertEquals(List.of("db/migration/legacy/**"), c.exclude());
        assertEquals("41", c.startAfter().toString());
        assertEquals(Set.of("drop-column", "table-rewrite"), c.disabled());
        assertEquals(Map.of("missing-reverse", Severity.NOTE, "set-not-null", Severity.ERROR), c.severities());
    }

    @Test
    void liquibaseContextsAndLabelFilter() throws ConfigException {
        ProjectConfig c = read("""
                liquibase:
                  contexts: [prod, eu]
                  label-filter: "v2 and !beta"
                """);
        assertEquals("prod,eu", c.liquibaseContexts());
        assertEquals("v2 and !beta", c.liquibaseLabelFilter());
        assertNull(read("dialect: h2\n").liquibaseContexts(), "not set: every changeSet runs");
        assertEquals("lifeguard.yml:2: unknown key 'context' under liquibase: (contexts, label-filter)",
                error("liquibase:\n  context: prod\n"));
        assertEquals("lifeguard.yml:1: liquibase: expects contexts: and label-filter:, such as contexts: prod",
                error("liquibase: prod\n"));
    }

    @Test
    void sinceIsStartAfterAndADateWorks() throws ConfigException {
        assertEquals("2024-01-31", read("since: 2024-01-31\n").startAfter().toString());
    }

    @Test
    void deploySaysWhetherNewCodeMayMeetTheOldSchema() throws ConfigException {
        assertEquals(dev.lifeguard.rules.engine.DeployOrder.SEPARATE, read("deploy: separate\n").deploy());
        assertEquals(dev.lifeguard.rules.engine.DeployOrder.MIGRATIONS_FIRST, read("deploy: migrations-first\n").deploy());
        assertNull(read("dialect: mysql\n").deploy(), "not set: the engine's default, migrations at start-up");
        assertEquals("lifeguard.yml:2: unknown deploy order 'blue-green' (migrations-at-startup, migrations-first or"
                + " separate)", error("dialect: mysql\ndeploy: blue-green\n"));
    }

    @Test
    void anEmptyFileSetsNothing() throws ConfigException {
        ProjectConfig c = read("# nothing yet\n");
        assertNull(c.dialect());
        assertTrue(c.migrations().isEmpty() && c.severities().isEmpty() && c.disabled().isEmpty());
    }

    @Test
    void unknownKeysAndRuleIdsAreErrorsWithTheirLine() {
        assertEquals("lifeguard.yml:3: unknown key 'rulez' (known: dialect, target-version, migrations, code, exclude,"
                + " start-after, rules, lock-timeout, docs-url, liquibase, deploy)", error("dialect: mysql\n\nrulez:\n  drop-column: off\n"));
        assertEquals("lifeguard.yml:3: unknown rule id 'drop-colum' (lifeguard rules lists them)",
                error("rules:\n  drop-column: off\n  drop-colum: off\n"));
        assertEquals("lifeguard.yml:2: unknown key 'level' for rule drop-column (severity or enabled)",
                error("rules:\n  drop-column: {level: note}\n"));
    }

    @Test
    void badValuesAreErrorsWithTheirLine() {
        assertTrue(error("dialect: sybase\n").startsWith("lifeguard.yml:1: unknown dialect 'sybase'"));
        assertTrue(error("\ntarget-version: latest\n").startsWith("lifeguard.yml:2: not a version: 'latest'"));
        assertTrue(error("start-after: origin/main\n").startsWith("lifeguard.yml:1: not a version or a date"));
        assertTrue(error("rules:\n  drop-column: fatal\n").startsWith("lifeguard.yml:2: unknown severity 'fatal'"));
        assertTrue(error("rules:\n  drop-column: {enabled: maybe}\n").startsWith("lifeguard.yml:2: expected true or false"));
        assertTrue(error("migrations: {a: b}\n").startsWith("lifeguard.yml:1: expected a path"));
        assertTrue(error("- dialect\n").startsWith("lifeguard.yml:1: expected keys"));
        assertEquals("lifeguard.yml:2: 'since' is set twice", error("start-after: \"3\"\nsince: \"4\"\n"));
    }

    @Test
    void brokenYamlIsAnErrorWithItsLine() {
        String message = error("dialect: mysql\nrules:\n  drop-column: [off\n");
        assertTrue(message.startsWith("lifeguard.yml:"), message);
        assertTrue(message.contains("not valid YAML"), message);
    }
}
