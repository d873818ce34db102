package dev.lifeguard.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.lifeguard.cli.RepositoryFiles;
import dev.lifeguard.cli.TestProjects;
import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.engine.Engine;
import dev.lifeguard.rules.engine.EngineOptions;
import dev.lifeguard.rules.engine.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReporterTest {
    @TempDir
    Path root;

    private static String json(LintResult result) throws IOException {
        StringWriter out = new StringWriter();
        new JsonReporter(new ReportContext("0.1.0", List.of(), result.project().root(), false)).write(result, out);
        return out.toString();
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = Files.newInputStream(RepositoryFiles.root().resolve("docs/lifeguard-report.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void handBuiltFindingsMatchTheDocumentedSchema() throws IOException {
        JsonNode report = new ObjectMapper().readTree(json(TestProjects.mixedResult(TestProjects.flywayRename(root))));
        assertEquals(Set.of(), schema().validate(report));
        assertEquals(1, report.path("schemaVersion").asInt());
        assertEquals(root.toString(), report.path("root").asText());
        JsonNode summary = report.path("summary");
        assertEquals(List.of(1, 1, 1, 2, 2), List.of(summary.path("errors").asInt(), summary.path("warnings").asInt(),
                summary.path("notes").asInt(), summary.path("files").asInt(), summary.path("migrations").asInt()));
        JsonNode error = report.at("/findings/2");
        assertEquals("rename-column", error.path("ruleId").asText());
        assertEquals("error", error.path("severity").asText());
        assertEquals("docs/rules/rename-column.md", error.path("docs").asText());
        assertEquals("db/migration/V2__rename_name.sql", error.at("/location/path").asText());
        assertEquals("users is created here", error.at("/related/0/message").asText());
        assertTrue(error.path("fix").isNull());
        JsonNode edit = report.at("/findings/1/fix/edits/0");
        assertEquals(" NULL", edit.path("replacement").asText());
        assertEquals(edit.at("/location/startColumn").asInt(), edit.at("/location/endColumn").asInt(), "an insertion point");
    }

    @Test
    void aRealEngineRunMatchesTheSchema() throws IOException {
        LintResult result = new Engine(BuiltinRules.all(), EngineOptions.defaults()).lint(TestProjects.flywayRename(root));
        JsonNode report = new ObjectMapper().readTree(json(result));
        assertEquals(Set.of(), schema().validate(report));
        assertTrue(report.path("findings").findValuesAsText("ruleId").contains("rename-column"), report.toString());
        for (JsonNode f : report.path("findings")) {
            assertEquals(32, f.path("fingerprint").asText().length());
        }
    }

    @Test
    void suppressedFindingsAreFlaggedWithTheirReason() throws IOException {
        JsonNode report = new ObjectMapper().readTree(json(TestProjects.suppressedRename(root)));
        assertEquals(Set.of(), schema().validate(report));
        assertEquals(1, report.at("/summary/suppressed").asInt());
        assertEquals(0, report.at("/summary/errors").asInt(), "a suppressed error is not counted as one");
        assertEquals(1, report.at("/summary/warnings").asInt());
        for (JsonNode f : report.path("findings")) {
            boolean rename = f.path("ruleId").asText().equals("rename-column");
            assertEquals(rename, f.path("suppressed").asBoolean(), f.toString());
            if (rename) {
                assertEquals("inSource", f.at("/suppression/kind").asText());
                assertEquals("nothing reads users.name", f.at("/suppression/justification").asText());
                assertEquals(2, f.at("/suppression/location/startLine").asInt());
            } else {
                assertTrue(f.path("suppression").isNull(), f.toString());
            }
        }
    }

    @Test
    void theSchemaRejectsWhatItShould() throws IOException {
        JsonNode bad = new ObjectMapper().readTree("""
                {"schemaVersion": 2, "tool": {"name": "lifeguard", "version": "1"}, "root": "/r",
                 "summary": {"errors": -1, "warnings": 0, "notes": 0, "files": 0, "migrations": 0},
                 "findings": [{"ruleId": "Bad_Id", "severity": "fatal"}]}
                """);
        assertFalse(schema().validate(bad).isEmpty());
    }
}
