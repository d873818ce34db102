package dev.lifeguard.rules.config;

import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TargetVersion;
import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.engine.EngineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lifeguard.yml turned into what to read and how to run the rules, with the command line on top. */
class LintSettingsTest {
    @TempDir
    Path root;

    @Test
    void theFileBecomesLoadAndEngineOptions() throws Exception {
        Path module = Files.createDirectories(root.resolve("service"));
        Files.writeString(module.resolve("lifeguard.yml"), "dialect: mysql\ntarget-version: \"8.0\"\n"
                + "exclude: [\"legacy/**\"]\nstart-after: \"3\"\nrules:\n  drop-column: off\n  drop-table: note\n");
        LintSettings settings = LintSettings.find(module.resolve("src"), BuiltinRules.all());

        LoadOptions load = settings.loadOptions(List.of("."), List.of(), Map.of());
        assertEquals(Dialect.MYSQL, load.dialect());
        assertEquals(List.of("legacy/**"), load.excludes());
        EngineOptions engine = settings.engineOptions(Dialect.MYSQL);
        assertEquals(Set.of("drop-column"), engine.disabled());
        assertEquals(Map.of("drop-table", Severity.NOTE), engine.severities());
        assertEquals(TargetVersion.parse("mysql:8.0", Dialect.MYSQL).orElseThrow(), engine.targetVersion());
        assertTrue(engine.startAfter() != null);
    }

    @Test
    void excludesAreMadeRelativeToTheRootAndTheCommandLineWins() throws Exception {
        Files.createDirectories(root.resolve("conf"));
        Files.writeString(root.resolve("conf/lifeguard.yml"), "dialect: h2\ntarget-version: \"11\"\nexclude: [\"old/*\"]\n");
        ProjectConfig file = ConfigLocator.load(Path.of("conf/lifeguard.yml"), root, Set.of());
        LintSettings settings = LintSettings.of(root, file).override(Dialect.POSTGRESQL, null, List.of("tmp/**"));
        assertEquals(List.of("conf/old/*", "tmp/**"), settings.excludes());
        assertEquals(Dialect.POSTGRESQL, settings.dialect());
        assertEquals("11", settings.targetVersion());
        assertEquals(TargetVersion.parse("postgresql:11", Dialect.POSTGRESQL).orElseThrow(),
                settings.engineOptions(Dialect.POSTGRESQL).targetVersion(), "a bare number is of the dialect linted");
    }

    @Test
    void noFileMeansTheDefaults() {
        LintSettings settings = LintSettings.of(root, ProjectConfig.none());
        assertNull(settings.dialect());
        assertEquals(EngineOptions.defaults(), settings.engineOptions(Dialect.POSTGRESQL));
    }

    @Test
    void aMistakeKeepsItsFileAndLine() {
        ConfigException e = ConfigLocator.check(root, Path.of("conf/lifeguard.yml"), "dialect: mysql\nrulez: 1\n",
                Set.of()).orElseThrow();
        assertEquals("conf/lifeguard.yml:2: unknown key 'rulez' (known: dialect, target-version, migrations, code,"
                + " exclude, start-after, rules, lock-timeout, docs-url, liquibase, deploy)", e.getMessage());
        assertEquals("conf/lifeguard.yml", e.file());
        assertEquals(2, e.line());
        assertTrue(e.reason().startsWith("unknown key"));
        assertTrue(ConfigLocator.check(root, Path.of("lifeguard.yml"), "dialect: mysql\n", Set.of()).isEmpty());
        assertThrows(ConfigException.class, () -> LintSettings.find(write("dialect: nosql\n"), BuiltinRules.all()));
    }

    private Path write(String text) throws Exception {
        Files.writeString(root.resolve("lifeguard.yml"), text);
        return root;
    }
}
