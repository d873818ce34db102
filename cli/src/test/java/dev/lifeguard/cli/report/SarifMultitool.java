package dev.lifeguard.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.lifeguard.cli.RepositoryFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Microsoft's SARIF multitool (installed by .ci/run from npm into .ci/sarif-multitool) and the SARIF 2.1.0
 * JSON schema it ships. Locally the checks are skipped when it is not installed; under CI they fail,
 * because a check that cannot fail proves nothing.
 */
public final class SarifMultitool {
    private final Path packageDir;

    private SarifMultitool(Path packageDir) {
        this.packageDir = packageDir;
    }

    /** The installed multitool; skips the test when it is missing locally and fails it under CI. */
    public static SarifMultitool require() {
        Path dir = packageDir();
        boolean installed = Files.isExecutable(dir.resolve("Sarif.Multitool")) && Files.isRegularFile(dir.resolve("sarif-2.1.0.json"));
        String ci = System.getenv("CI");
        if (!installed && ci != null && !ci.isEmpty() && !ci.equals("false")) {
            fail("the SARIF multitool is not installed at " + dir + ": .ci/run installs it with npm");
        }
        assumeTrue(installed, "SARIF multitool not installed at " + dir + " (run: npm install --prefix .ci/sarif-multitool @microsoft/sarif-multitool)");
        return new SarifMultitool(dir);
    }

    private static Path packageDir() {
        String override = System.getenv("LIFEGUARD_SARIF_MULTITOOL");
        if (override != null && !override.isEmpty()) {
            return Path.of(override);
        }
        return RepositoryFiles.root().resolve(".ci/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux");
    }

    /** What the multitool may say about Lifeguard's SARIF without failing the check: nothing. */
    static final Set<String> ACCEPTED = Set.of();

    /**
     * Runs {@code Sarif.Multitool validate} with the SARIF and GitHub (Ghas) rules and returns its error- and
     * warning-level results, less {@link #ACCEPTED}. Its exit code is 0 whatever it finds, and a file it
     * cannot deserialise yields no result and no notification at all; so the output log is read, note-level
     * results are asked for too (a log it really read always draws some, such as SARIF2003 for the absent
     * version control provenance), and a log with no result at all counts as skipped.
     */
    public List<String> validate(Path sarif) throws IOException, InterruptedException {
        Path out = Files.createTempFile("multitool", ".sarif");
        Files.delete(out);
        // Called directly, not through npx: npx cuts the argument "Sarif;Ghas" at the ';'.
        Process p = new ProcessBuilder(packageDir.resolve("Sarif.Multitool").toString(), "validate", sarif.toString(),
                "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning;Note", "-o", out.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the SARIF multitool did not finish within 180 s");
        }
        if (!Files.isRegularFile(out)) {
            fail("the SARIF multitool wrote no output log (exit code " + p.exitValue() + ")");
        }
        JsonNode log = new ObjectMapper().readTree(out.toFile());
        Files.delete(out);
        List<String> problems = new ArrayList<>();
        for (JsonNode run : log.path("runs")) {
            for (JsonNode invocation : run.path("invocations")) {
                if (!invocation.path("executionSuccessful").asBoolean(false)) {
                    problems.add("multitool run failed: " + invocation.path("toolExecutionNotifications"));
                }
                for (JsonNode n : invocation.path("toolExecutionNotifications")) {
                    if (n.path("level").asText("warning").equals("error")) {
                        problems.add("multitool could not process the file: " + n.path("message").path("text").asText());
                    }
                }
            }
            if (run.path("results").isEmpty()) {
                problems.add("the multitool produced no result at all: it skipped the file, which it does when it"
                        + " cannot deserialise it");
            }
            for (JsonNode result : run.path("results")) {
                String level = result.path("level").asText("warning");
                String rule = result.path("ruleId").asText() + " " + result.path("message").path("id").asText();
                if ((level.equals("error") || level.equals("warning")) && !ACCEPTED.contains(rule)) {
                    problems.add(level + " " + rule + " " + result.path("message").path("arguments") + " at "
                            + result.path("locations").path(0).path("physicalLocation").path("region"));
                }
            }
        }
        if (log.path("runs").isEmpty()) {
            problems.add("multitool output has no run");
        }
        return problems;
    }

    /** Validates against the SARIF 2.1.0 JSON schema the multitool package ships. */
    public Set<ValidationMessage> schemaErrors(Path sarif) throws IOException {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(packageDir.resolve("sarif-2.1.0.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        return schema.validate(new ObjectMapper().readTree(sarif.toFile()));
    }
}
