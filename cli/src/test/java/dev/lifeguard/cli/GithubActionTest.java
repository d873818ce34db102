package dev.lifeguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GitHub Action (action.yml) and the example workflows of the README and docs/github-code-scanning.md:
 * their essential keys are checked, the action's lint step is run as the runner would run it, and the
 * annotation command of the docs is run on a real project.
 */
class GithubActionTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern INPUT_REFERENCE = Pattern.compile("\\$\\{\\{\\s*inputs\\.([A-Za-z0-9_-]+)");

    @TempDir
    Path dir;

    private static JsonNode action() throws IOException {
        return YAML.readTree(RepositoryFiles.root().resolve("action.yml").toFile());
    }

    private static JsonNode step(JsonNode action, String usesPrefix) {
        for (JsonNode s : action.at("/runs/steps")) {
            if (s.path("uses").asText().startsWith(usesPrefix)) {
                return s;
            }
        }
        throw new AssertionError("action.yml has no step using " + usesPrefix);
    }

    private static JsonNode lintStep(JsonNode action) {
        return stepWithId(action, "lint");
    }

    private static JsonNode stepWithId(JsonNode action, String id) {
        for (JsonNode s : action.at("/runs/steps")) {
            if (s.path("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("action.yml has no step with id " + id);
    }

    @Test
    void theActionBuildsLintsWithSarifSinceTheBaseAndUploads() throws IOException {
        JsonNode action = action();
        assertEquals("composite", action.at("/runs/using").asText());
        assertEquals("temurin", step(action, "actions/setup-java@").at("/with/distribution").asText());
        JsonNode upload = step(action, "github/codeql-action/upload-sarif@");
        assertEquals("${{ inputs.sarif-file }}", upload.at("/with/sarif_file").asText());
        String lint = lintStep(action).path("run").asText();
        assertTrue(lint.contains("lint --format sarif"), lint);
        assertTrue(lint.contains("--since \"$LIFEGUARD_SINCE\""), lint);
        assertTrue(lint.contains("--category \"$LIFEGUARD_CATEGORY\""), lint);
        assertEquals("${{ github.event.pull_request.base.sha }}", action.at("/inputs/since/default").asText());
        assertEquals("${{ steps.lint.outputs.exit-code }}", action.at("/outputs/exit-code/value").asText());
    }

    /** Inputs reach scripts only through env (an expression spliced into a script is an injection). */
    @Test
    void everyInputIsDescribedAndUsedAndNoScriptSplicesAnExpression() throws IOException {
        JsonNode action = action();
        Set<String> declared = new TreeSet<>();
        action.path("inputs").fieldNames().forEachRemaining(declared::add);
        for (String input : declared) {
            assertFalse(action.at("/inputs/" + input + "/description").asText().isBlank(), input + " has no description");
        }
        String text = Files.readString(RepositoryFiles.root().resolve("action.yml"));
        // In expressions, and bare in if: conditions.
        Set<String> referenced = Pattern.compile("(?<![\\w.])inputs\\.([A-Za-z0-9_-]+)").matcher(text).results().map(m -> m.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, referenced);
        for (JsonNode s : action.at("/runs/steps")) {
            assertFalse(s.path("run").asText().contains("${{"), "expression in the script of " + s.path("name"));
            if (s.has("run")) {
                assertEquals("bash", s.path("shell").asText(), "a composite run step names its shell");
            }
        }
    }

    @Test
    void theLintStepWritesSarifAndRecordsTheExitCodeWithoutFailing() throws Exception {
        Path project = renameProject(dir.resolve("project"), "db/migration");
        Map<String, String> inputs = Map.of("paths", "db", "category", "lifeguard/orders", "sarif-file", "out.sarif");
        StepRun run = runLintStep(project, inputs);
        assertEquals(0, run.exitCode(), run.output());
        assertEquals("exit-code=1", run.githubOutput().strip(), "findings at or above fail-on=error");
        JsonNode sarif = new ObjectMapper().readTree(project.resolve("out.sarif").toFile());
        assertEquals("lifeguard/orders/", sarif.at("/runs/0/automationDetails/id").asText());
        assertEquals("rename-column", sarif.at("/runs/0/results/0/ruleId").asText());
    }

    /** On a pull request, only what changed since the base is judged; the older migrations are context. */
    @Test
    void theLintStepJudgesOnlyWhatChangedSinceTheBase() throws Exception {
        ExternalTools.require("git", "apt-get install git");
        Path project = renameProject(dir.resolve("project"), "db/migration");
        Path v2 = project.resolve("db/migration/V2__rename_name.sql");
        String rename = Files.readString(v2);
        Files.delete(v2);
        git(project, "init", "-q");
        git(project, "add", "-A");
        git(project, "commit", "-q", "-m", "base");
        String base = git(project, "rev-parse", "HEAD").output().strip();
        Files.writeString(v2, rename);
        git(project, "add", "-A");
        git(project, "commit", "-q", "-m", "rename");

        StepRun changed = runLintStep(project, Map.of("since", base, "sarif-file", "pr.sarif"));
        assertEquals(0, changed.exitCode(), changed.output());
        assertEquals("exit-code=1", changed.githubOutput().strip());
        JsonNode sarif = new ObjectMapper().readTree(project.resolve("pr.sarif").toFile());
        assertEquals(List.of("rename-column"), sarif.at("/runs/0/results").findValuesAsText("ruleId"));

        Files.delete(dir.resolve("github-output"));
        StepRun unchanged = runLintStep(project, Map.of("since", "HEAD", "sarif-file", "none.sarif"));
        assertEquals(0, unchanged.exitCode(), unchanged.output());
        assertEquals("exit-code=0", unchanged.githubOutput().strip(), "nothing changed since HEAD");
    }

    private ExternalTools.Run git(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Map<String, String> env = Map.of("GIT_CONFIG_NOSYSTEM", "1", "HOME", dir.toString(),
                "GIT_AUTHOR_NAME", "Test", "GIT_AUTHOR_EMAIL", "test@example.com",
                "GIT_COMMITTER_NAME", "Test", "GIT_COMMITTER_EMAIL", "test@example.com");
        ExternalTools.Run r = ExternalTools.run(directory, env, command);
        assertEquals(0, r.exitCode(), String.join(" ", command) + ": " + r.output());
        return r;
    }

    /** With verify: true, the change is rehearsed on an embedded PostgreSQL after lint, into a SARIF of its own category. */
    @Test
    void theVerifyStepRehearsesIntoItsOwnCategory() throws Exception {
        JsonNode action = action();
        assertEquals("inputs.verify == 'true'", stepWithId(action, "verify").path("if").asText());
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(project.resolve("db/migration/V1__base.sql"), "CREATE TABLE customers (id bigint PRIMARY KEY);\n");
        Files.writeString(project.resolve("db/migration/V2__tier.sql"), "ALTER TABLE customers ADD COLUMN tier text NOT NULL;\n");
        StepRun run = runStep("verify", project, Map.of("paths", "db", "dialect", "postgresql"));
        assertEquals(0, run.exitCode(), run.output());
        assertEquals("exit-code=1", run.githubOutput().strip(), run.output());
        JsonNode sarif = new ObjectMapper().readTree(project.resolve("lifeguard-verify.sarif").toFile());
        assertEquals("lifeguard-verify/postgresql/", sarif.at("/runs/0/automationDetails/id").asText());
        assertEquals("fails-on-existing-data", sarif.at("/runs/0/results/0/ruleId").asText());
    }

    @Test
    void theLintStepFailsAtOnceOnAToolError() throws Exception {
        Path project = renameProject(dir.resolve("project"), "db/migration");
        StepRun run = runLintStep(project, Map.of("paths", "no-such-dir"));
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("no such file or directory: no-such-dir"), run.output());
        assertEquals("exit-code=2", run.githubOutput().strip());
    }

    private record StepRun(int exitCode, String output, String githubOutput) {
    }

    /**
     * Runs the lint step's script as a GitHub runner runs a composite bash step ({@code bash --noprofile
     * --norc -eo pipefail}), its env built from the inputs' defaults and the given inputs; input defaults
     * that are GitHub expressions (since) are empty, as on a push.
     */
    private StepRun runLintStep(Path workspace, Map<String, String> given) throws Exception {
        return runStep("lint", workspace, given);
    }

    private StepRun runStep(String id, Path workspace, Map<String, String> given) throws Exception {
        ExternalTools.require("bash", "apt-get install bash");
        JsonNode action = action();
        JsonNode step = stepWithId(action, id);
        Map<String, String> inputs = new HashMap<>();
        action.path("inputs").fields().forEachRemaining(e -> {
            String d = e.getValue().path("default").asText();
            inputs.put(e.getKey(), d.contains("${{") ? "" : d);
        });
        inputs.putAll(given);
        Map<String, String> env = new HashMap<>();
        step.path("env").fields().forEachRemaining(e -> {
            Matcher m = INPUT_REFERENCE.matcher(e.getValue().asText());
            assertTrue(m.find(), e.getKey());
            env.put(e.getKey(), inputs.get(m.group(1)));
        });
        Path output = Files.createFile(dir.resolve("github-output"));
        Path script = Files.writeString(dir.resolve("step.sh"), step.path("run").asText());
        env.put("GITHUB_ACTION_PATH", RepositoryFiles.root().toString());
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("LIFEGUARD_CLASSPATH", System.getProperty("java.class.path"));
        ExternalTools.Run r = ExternalTools.run(workspace, env,
                List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString()));
        return new StepRun(r.exitCode(), r.output(), Files.readString(output));
    }

    /** Every example workflow that uses the action asks for the permissions, checkout and inputs it needs. */
    @Test
    void exampleWorkflowsHaveThePermissionsAndInputsTheActionNeeds() throws IOException {
        Set<String> inputs = new TreeSet<>();
        action().path("inputs").fieldNames().forEachRemaining(inputs::add);
        int workflows = 0;
        int actionSteps = 0;
        for (String doc : List.of("README.md", "docs/github-code-scanning.md")) {
            for (String block : yamlBlocks(doc)) {
                JsonNode yaml = YAML.readTree(block);
                List<JsonNode> steps = new ArrayList<>();
                if (yaml.has("jobs")) {
                    workflows++;
                    yaml.path("jobs").forEach(job -> job.path("steps").forEach(steps::add));
                    if (steps.stream().anyMatch(GithubActionTest::usesTheAction)) {
                        assertEquals("write", yaml.at("/permissions/security-events").asText(), doc);
                        assertEquals("read", yaml.at("/permissions/contents").asText(), doc);
                        JsonNode checkout = steps.get(0);
                        assertTrue(checkout.path("uses").asText().startsWith("actions/checkout@"), doc);
                        assertEquals(0, checkout.at("/with/fetch-depth").asInt(-1), doc + ": --since needs the history");
                    }
                } else if (yaml.isArray()) {
                    yaml.forEach(steps::add);
                }
                for (JsonNode s : steps) {
                    if (usesTheAction(s)) {
                        actionSteps++;
                        s.path("with").fieldNames().forEachRemaining(k ->
                                assertTrue(inputs.contains(k), doc + ": the action has no input " + k));
                    }
                }
            }
        }
        assertTrue(workflows >= 3, "workflows found: " + workflows);
        assertTrue(actionSteps >= 4, "steps using the action found: " + actionSteps);
    }

    /** The README shows the docs' code-scanning workflow, not a copy that could drift. */
    @Test
    void theReadmeWorkflowIsTheDocsWorkflow() throws IOException {
        String readme = yamlBlocks("README.md").stream().filter(b -> b.contains("YOUR-ORG/lifeguard@")).findFirst().orElseThrow();
        assertTrue(yamlBlocks("docs/github-code-scanning.md").contains(readme));
    }

    /** The `--format github` command of the README and the docs, run on a project laid out as it expects. */
    @Test
    void theAnnotationCommandAnnotatesTheFinding() throws Exception {
        Path project = renameProject(dir.resolve("project"), "src/main/resources/db");
        List<String> commands = new ArrayList<>();
        for (String doc : List.of("README.md", "docs/github-code-scanning.md")) {
            for (String block : yamlBlocks(doc)) {
                Matcher m = Pattern.compile("run: \\S*lifeguard (lint .*--format github.*)").matcher(block);
                while (m.find()) {
                    commands.add(m.group(1));
                }
            }
        }
        assertEquals(2, commands.size(), commands.toString());
        for (String command : commands) {
            CliRun r = CliRun.run(project, Map.of(), LintRunner.PROJECT_LOADER, command.split(" +"));
            assertEquals(1, r.exitCode(), r.err());
            List<String> lines = r.out().lines().toList();
            assertTrue(lines.get(0).startsWith("::error file=src/main/resources/db/V2__rename_name.sql,line=2,col=19,"
                    + "endLine=2,endColumn=49,title=lifeguard rename-column::column users.name is renamed"), r.out());
            assertEquals("1 error in 2 files; 2 migrations checked", lines.get(lines.size() - 1));
        }
    }

    /** A Flyway project whose second migration renames a column (with lock_timeout set, so nothing else fires). */
    static Path renameProject(Path root, String migrations) throws IOException {
        Path dir = Files.createDirectories(root.resolve(migrations));
        Files.writeString(dir.resolve("V1__create_users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n");
        Files.writeString(dir.resolve("V2__rename_name.sql"),
                "SET lock_timeout = '2s';\nALTER TABLE users RENAME COLUMN name TO full_name;\n");
        return root;
    }

    static List<String> yamlBlocks(String doc) throws IOException {
        String text = Files.readString(RepositoryFiles.root().resolve(doc));
        return Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(text).results().map(m -> m.group(1)).toList();
    }

    private static boolean usesTheAction(JsonNode step) {
        return step.path("uses").asText().matches("[^/]+/lifeguard@.*");
    }
}
