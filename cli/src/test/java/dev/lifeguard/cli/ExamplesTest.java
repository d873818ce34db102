package dev.lifeguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeguard.cli.report.SarifMultitool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled examples, end to end through the real loader and rules: each hazard the example's comments
 * announce is found where it is announced, the safe alternatives are clean, and the SARIF passes the
 * multitool and the schema.
 */
class ExamplesTest {
    @TempDir
    Path dir;

    private static CliRun lint(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "lint";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(RepositoryFiles.root(), Map.of(), LintRunner.PROJECT_LOADER, all);
    }

    @Test
    void flywayExampleFindsItsAnnouncedHazards() throws Exception {
        CliRun r = lint("examples/flyway-shop", "--format", "json");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(announced("examples/flyway-shop/db/migration"), found(r.out()));
    }

    @Test
    void liquibaseExampleFindsItsAnnouncedHazards() throws Exception {
        CliRun r = lint("examples/liquibase-shop", "--format", "json");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(announced("examples/liquibase-shop/db/changelog"), found(r.out()));
    }

    @Test
    void examplesSarifPassesTheMultitoolAndTheSchema() throws Exception {
        SarifMultitool multitool = SarifMultitool.require();
        for (String example : List.of("examples/flyway-shop", "examples/liquibase-shop")) {
            Path sarif = dir.resolve(Path.of(example).getFileName() + ".sarif");
            CliRun r = lint(example, "--format", "sarif", "--output", sarif.toString());
            assertEquals(1, r.exitCode(), r.err());
            assertEquals("", r.out());
            JsonNode log = new ObjectMapper().readTree(sarif.toFile());
            assertTrue(log.at("/runs/0/results").size() > 0, example);
            assertEquals(List.of(), multitool.validate(sarif), example);
            assertEquals(Set.of(), multitool.schemaErrors(sarif), example);
        }
    }

    /** "rule-id path:line" for every finding in a JSON report, paths relative to the root. */
    private static Set<String> found(String json) throws Exception {
        Set<String> out = new TreeSet<>();
        for (JsonNode f : new ObjectMapper().readTree(json).path("findings")) {
            out.add(f.path("ruleId").asText() + " " + f.at("/location/path").asText());
        }
        return out;
    }

    /** "rule-id path" for each "HAZARD (rule-id, rule-id)" comment in the example's migrations. */
    private static Set<String> announced(String folder) throws Exception {
        Set<String> out = new TreeSet<>();
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(RepositoryFiles.root().resolve(folder))) {
            s.forEach(files::add);
        }
        for (Path file : files) {
            var m = java.util.regex.Pattern.compile("HAZARD \\(([a-z, -]+)\\)").matcher(Files.readString(file));
            while (m.find()) {
                for (String rule : m.group(1).split(",\\s*")) {
                    out.add(rule + " " + folder + "/" + file.getFileName());
                }
            }
        }
        return out;
    }
}
