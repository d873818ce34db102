package dev.lifeguard.cli.report;

import com.contrastsecurity.sarif.Invocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.cli.TestProjects;
import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.docs.RuleDocs;
import dev.lifeguard.rules.engine.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SarifReporterTest {
    @TempDir
    Path root;

    /** Many rules, so that a hash-ordered set would scramble them and ruleIndex would point at the wrong one. */
    static List<RuleMetadata> manyRules() {
        List<RuleMetadata> rules = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rules.add(TestProjects.rule("rule-" + (char) ('a' + i % 26) + i, Severity.values()[i % 3]));
        }
        rules.add(TestProjects.rule("parse-error", Severity.NOTE));
        rules.add(TestProjects.rule("table-rewrite", Severity.WARNING));
        rules.add(TestProjects.rule("rename-column", Severity.ERROR));
        return rules;
    }

    static String sarif(LintResult result, List<RuleMetadata> rules) throws IOException {
        StringWriter out = new StringWriter();
        new SarifReporter(new ReportContext("0.1.0-SNAPSHOT", rules, result.project().root(), false)).write(result, out);
        return out.toString();
    }

    private JsonNode log() throws IOException {
        return new ObjectMapper().readTree(sarif(TestProjects.mixedResult(TestProjects.flywayRename(root)), manyRules()));
    }

    @Test
    void suppressedFindingsCarryAnInSourceSuppression() throws IOException {
        JsonNode log = new ObjectMapper().readTree(sarif(TestProjects.suppressedRename(root),
                BuiltinRules.all().stream().map(Rule::metadata).toList()));
        int suppressed = 0;
        for (JsonNode r : log.at("/runs/0/results")) {
            if (r.path("ruleId").asText().equals("rename-column")) {
                suppressed++;
                assertEquals(1, r.path("suppressions").size(), r.toString());
                assertEquals("inSource", r.at("/suppressions/0/kind").asText());
                assertEquals("nothing reads users.name", r.at("/suppressions/0/justification").asText());
                assertEquals(2, r.at("/suppressions/0/location/physicalLocation/region/startLine").asInt());
            } else {
                assertTrue(r.path("suppressions").isMissingNode(), "no suppressions key on a counted result: " + r);
            }
        }
        assertEquals(1, suppressed);
    }

    @Test
    void schemaAndVersionAreSet() throws IOException {
        JsonNode log = log();
        assertEquals("2.1.0", log.path("version").asText());
        assertEquals(SarifReporter.SCHEMA, log.path("$schema").asText());
        assertEquals(1, log.path("runs").size());
    }

    @Test
    void everyRuleIsListedInOrderWithItsHelp() throws IOException {
        List<RuleMetadata> rules = manyRules();
        JsonNode driverRules = log().at("/runs/0/tool/driver/rules");
        assertEquals(rules.size(), driverRules.size());
        for (int i = 0; i < rules.size(); i++) {
            JsonNode d = driverRules.get(i);
            RuleMetadata r = rules.get(i);
            assertEquals(r.id(), d.path("id").asText());
            assertEquals(r.summary() + ".", d.at("/shortDescription/text").asText());
            assertTrue(d.at("/fullDescription/text").asText().contains(r.help()));
            assertEquals(RulePages.markdown(r), d.at("/help/markdown").asText());
            assertEquals(RuleDocs.plainText(r), d.at("/help/text").asText());
            assertEquals(r.severity().id(), d.at("/defaultConfiguration/level").asText(), "level always written");
            assertEquals(List.of("test", "expand-contract"), textList(d.at("/properties/tags")));
        }
    }

    @Test
    void resultsPointAtTheirRule() throws IOException {
        JsonNode run = log().at("/runs/0");
        JsonNode results = run.path("results");
        assertEquals(3, results.size());
        for (JsonNode r : results) {
            int index = r.path("ruleIndex").asInt(-1);
            assertEquals(r.path("ruleId").asText(), run.at("/tool/driver/rules/" + index + "/id").asText());
        }
        assertEquals(List.of("note", "warning", "error"), results.findValuesAsText("level"));
    }

    @Test
    void locationsAreRelativeToSrcRootWithFullRegions() throws IOException {
        JsonNode run = log().at("/runs/0");
        String base = run.at("/originalUriBaseIds/%SRCROOT%/uri").asText();
        assertEquals("file://" + root + "/", base);
        JsonNode error = run.at("/results/2");
        JsonNode loc = error.at("/locations/0/physicalLocation");
        assertEquals("db/migration/V2__rename_name.sql", loc.at("/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", loc.at("/artifactLocation/uriBaseId").asText());
        JsonNode region = loc.path("region");
        assertEquals(List.of(2, 1, 2, 51), List.of(region.path("startLine").asInt(), region.path("startColumn").asInt(),
                region.path("endLine").asInt(), region.path("endColumn").asInt()));
        assertEquals("f1", error.at("/partialFingerprints/lifeguard~1v1").asText());
        assertEquals("column users.name is renamed to full_name in place.", error.at("/message/text").asText());
        JsonNode related = error.at("/relatedLocations/0");
        assertEquals(1, related.path("id").asInt());
        assertEquals("users is created here.", related.at("/message/text").asText());
        assertEquals("db/migration/V1__create_users.sql", related.at("/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void lineOnlySpansCoverTheWholeLine() throws IOException {
        JsonNode region = log().at("/runs/0/results/0/locations/0/physicalLocation/region");
        assertEquals(1, region.path("startColumn").asInt());
        assertEquals("    id bigint PRIMARY KEY,".length() + 1, region.path("endColumn").asInt());
    }

    @Test
    void fixesAreReplacements() throws IOException {
        JsonNode fix = log().at("/runs/0/results/1/fixes/0");
        assertEquals("make name nullable.", fix.at("/description/text").asText());
        JsonNode change = fix.at("/artifactChanges/0");
        assertEquals("db/migration/V1__create_users.sql", change.at("/artifactLocation/uri").asText());
        JsonNode replacement = change.at("/replacements/0");
        assertEquals(" NULL", replacement.at("/insertedContent/text").asText());
        assertEquals(region(3, 14, 3, 14), region(replacement.path("deletedRegion")), "an insertion point");
    }

    @Test
    void runIsMarkedSuccessfulWithColumnKind() throws IOException {
        JsonNode run = log().at("/runs/0");
        assertTrue(run.at("/invocations/0/executionSuccessful").asBoolean());
        assertEquals("utf16CodeUnits", run.path("columnKind").asText());
        assertEquals("Lifeguard", run.at("/tool/driver/name").asText());
    }

    @Test
    void builtinRulesAreAllListed() throws IOException {
        List<RuleMetadata> builtin = BuiltinRules.all().stream().map(Rule::metadata).toList();
        JsonNode log = new ObjectMapper().readTree(sarif(new LintResult(TestProjects.flywayRename(root), List.of(), 0), builtin));
        assertEquals(builtin.stream().map(RuleMetadata::id).toList(), log.at("/runs/0/tool/driver/rules").findValuesAsText("id"));
        assertEquals(0, log.at("/runs/0/results").size());
        assertFalse(log.at("/runs/0/results").isMissingNode(), "an empty run still has results: []");
    }

    @Test
    void rulesCarryWhatCodeScanningShows() throws IOException {
        JsonNode rules = log().at("/runs/0/tool/driver/rules");
        for (JsonNode d : rules) {
            JsonNode p = d.path("properties");
            assertEquals(RulePrecision.of(d.path("id").asText()), p.path("precision").asText());
            assertFalse(p.has("security-severity"), "not security findings");
            String level = d.at("/defaultConfiguration/level").asText();
            assertEquals(level.equals("note") ? "recommendation" : level, p.path("problem.severity").asText());
        }
        JsonNode rename = rules.get(rules.size() - 1);
        assertEquals("rename-column", rename.path("id").asText());
        assertEquals("very-high", rename.at("/properties/precision").asText());
        assertEquals("error", rename.at("/properties/problem.severity").asText());
    }

    @Test
    void rulesLinkTheirPageAndTheDriverItsHome() throws IOException {
        JsonNode driver = log().at("/runs/0/tool/driver");
        assertEquals(DocsSite.REPOSITORY, driver.path("informationUri").asText());
        for (JsonNode d : driver.path("rules")) {
            assertEquals("https://github.com/lifeguard-dev/lifeguard/blob/main/docs/rules/" + d.path("id").asText() + ".md",
                    d.path("helpUri").asText());
        }
        StringWriter out = new StringWriter();
        new SarifReporter(new ReportContext("0.2.0-SNAPSHOT", manyRules(), root, false,
                new DocsSite("https://wiki.example.com/lint"))).write(TestProjects.mixedResult(TestProjects.flywayRename(root)), out);
        JsonNode rule = new ObjectMapper().readTree(out.toString()).at("/runs/0/tool/driver/rules/0");
        assertEquals("https://wiki.example.com/lint/" + rule.path("id").asText() + ".md", rule.path("helpUri").asText());
    }

    @Test
    void theRunsCategoryNamesItsDialectUnlessOneIsGiven() throws IOException {
        assertEquals("lifeguard/postgresql/", log().at("/runs/0/automationDetails/id").asText());
        LintResult result = TestProjects.mixedResult(TestProjects.flywayRename(root));
        assertEquals("migrations/orders/", SarifReporter.automationId("migrations/orders", result.project()));
        assertEquals("a/b/", SarifReporter.automationId("a/b/", result.project()));
        assertEquals("lifeguard/postgresql/", SarifReporter.automationId(null, TestProjects.empty(root)));
        StringWriter out = new StringWriter();
        new SarifReporter(new ReportContext("0.1.0", manyRules(), root, false), "mysql-shard").write(result, out);
        assertEquals("mysql-shard/", new ObjectMapper().readTree(out.toString()).at("/runs/0/automationDetails/id").asText());
    }

    @Test
    void datesAreIsoStringsNotEpochNumbers() throws IOException {
        String json = SarifReporter.mapper().writeValueAsString(new Invocation().withExecutionSuccessful(true)
                .withStartTimeUtc(new Date(0)));
        assertTrue(json.contains("\"startTimeUtc\" : \"1970-01-01T00:00:00.000+00:00\""), json);
    }

    @Test
    void ruleNamesAndSentences() {
        assertEquals("RenameColumn", SarifRules.pascalCase("rename-column"));
        assertEquals("Done.", SarifRules.sentence("Done"));
        assertEquals("Done?", SarifRules.sentence("Done?"));
    }

    @Test
    void urisAreEncodedAndNeverReadAsSchemes() {
        assertEquals("db/a%20b.sql", Uris.relative(Path.of("db/a b.sql")));
        assertEquals("./c:x.sql", Uris.relative(Path.of("c:x.sql")));
        assertEquals("db/V1__caf%C3%A9.sql", Uris.relative(Path.of("db/V1__café.sql")));
    }

    private static List<String> textList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Integer> region(JsonNode r) {
        return List.of(r.path("startLine").asInt(), r.path("startColumn").asInt(), r.path("endLine").asInt(), r.path("endColumn").asInt());
    }

    private static List<Integer> region(int a, int b, int c, int d) {
        return List.of(a, b, c, d);
    }
}
