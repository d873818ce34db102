package dev.lifeguard.cli;

import dev.lifeguard.cli.report.SarifMultitool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SARIF from real-world corpora (shared/corpus beside the repository: Liquibase multi-module, golang-migrate)
 * passes the SARIF multitool with its GitHub rules and the SARIF 2.1.0 schema.
 */
class CorpusSarifTest {
    @TempDir
    Path dir;

    private static Path corpus() {
        Path corpus = RepositoryFiles.root().resolveSibling("shared").resolve("corpus");
        String ci = System.getenv("CI");
        if (!Files.isDirectory(corpus) && ci != null && !ci.isEmpty() && !ci.equals("false")) {
            fail("the corpus is missing at " + corpus);
        }
        assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        return corpus;
    }

    private void check(String name, String dialect) throws Exception {
        SarifMultitool multitool = SarifMultitool.require();
        Path cwd = corpus().resolve(name);
        Path sarif = dir.resolve(name + ".sarif");
        CliRun r = CliRun.run(cwd, Map.of(), LintRunner.PROJECT_LOADER,
                "lint", ".", "--dialect", dialect, "--format", "sarif", "--fail-on", "never", "--output", sarif.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.size(sarif) > 0);
        assertEquals(List.of(), multitool.validate(sarif));
        assertEquals(Set.of(), multitool.schemaErrors(sarif));
    }

    @Test
    void fineractLiquibase() throws Exception {
        check("fineract", "postgresql");
    }

    @Test
    void harborGolangMigrate() throws Exception {
        check("harbor", "postgresql");
    }
}
