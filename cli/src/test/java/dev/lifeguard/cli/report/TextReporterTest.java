package dev.lifeguard.cli.report;

import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.cli.TestProjects;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.engine.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextReporterTest {
    @TempDir
    Path root;

    @Test
    void suppressedFindingsAreCountedNotShown() throws IOException {
        LintResult result = TestProjects.suppressedRename(root);
        String text = render(result, result.project().root(), false);
        assertFalse(text.contains("[rename-column]"), text);
        assertTrue(text.contains("warning[drop-column]"), text);
        assertTrue(text.endsWith("1 warning in 2 files; 2 migrations checked, 1 suppressed\n"), text);
    }

    private String render(LintResult result, Path workingDirectory, boolean colour) throws IOException {
        StringWriter out = new StringWriter();
        new TextReporter(new ReportContext("0.1.0", List.of(), workingDirectory, colour)).write(result, out);
        return out.toString();
    }

    @Test
    void findingsWithSourceUnderlineHelpAndDocs() throws IOException {
        String text = render(TestProjects.mixedResult(TestProjects.flywayRename(root)), root, false);
        assertEquals("""
                db/migration/V1__create_users.sql:2:1: note[parse-error] not checked: statement could not be parsed
                   2 |     id bigint PRIMARY KEY,
                     | ^^^^^^^^^^^^^^^^^^^^^^^^^^
                  docs: https://github.com/lifeguard-dev/lifeguard/blob/v0.1.0/docs/rules/parse-error.md (or: lifeguard explain parse-error)

                db/migration/V1__create_users.sql:3:5: warning[table-rewrite] the table is rewritten
                   3 |     name text
                     |     ^^^^^^^^^
                  help: Rewrite it in batches
                  fix: make name nullable
                  docs: https://github.com/lifeguard-dev/lifeguard/blob/v0.1.0/docs/rules/table-rewrite.md (or: lifeguard explain table-rewrite)

                db/migration/V2__rename_name.sql:2:1: error[rename-column] column users.name is renamed to full_name in place
                   2 | ALTER TABLE users RENAME COLUMN name TO full_name;
                     | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                  note: db/migration/V1__create_users.sql:1:1: users is created here
                  help: Add the new column first
                  docs: https://github.com/lifeguard-dev/lifeguard/blob/v0.1.0/docs/rules/rename-column.md (or: lifeguard explain rename-column)

                1 error, 1 warning, 1 note in 2 files; 2 migrations checked
                """, text);
    }

    @Test
    void multiLineSpanUnderlinesItsFirstLine() throws IOException {
        Project project = TestProjects.flywayRename(root);
        SourceFile v1 = project.source(Path.of(TestProjects.V1)).orElseThrow();
        int start = TestProjects.V1_TEXT.indexOf("users");
        Finding f = new Finding(TestProjects.rule("drop-table", Severity.WARNING), Severity.WARNING, "m",
                v1.span(start, TestProjects.V1_TEXT.length() - 1), "h", List.of(), null, "fp");
        String text = render(new LintResult(project, List.of(f), 1), root, false);
        assertTrue(text.contains("""
                   1 | CREATE TABLE users (
                     |              ^^^^^^^
                """), text);
    }

    @Test
    void tabsBeforeTheSpanKeepTheCaretsAligned() {
        SourceFile file = new SourceFile(Path.of("t.sql"), "\tDROP TABLE t;\n");
        String snippet = new Snippet(new Ansi(false), Severity.WARNING).render(file, Region.of(file.span(1, 14), file));
        assertEquals("   1 | \tDROP TABLE t;\n     | \t^^^^^^^^^^^^^\n", snippet);
    }

    @Test
    void longLinesAreCutAroundTheSpan() {
        String line = "x".repeat(500) + "DROP TABLE t;" + "y".repeat(500);
        SourceFile file = new SourceFile(Path.of("t.sql"), line);
        String snippet = new Snippet(new Ansi(false), Severity.WARNING).render(file, Region.of(file.span(500, 513), file));
        String[] lines = snippet.split("\n");
        assertTrue(lines[0].length() < 200, lines[0]);
        assertEquals(lines[0].indexOf("DROP"), lines[1].indexOf('^'));
        assertEquals(13, lines[1].chars().filter(c -> c == '^').count());
    }

    @Test
    void pathsAreRelativeToTheWorkingDirectory() throws IOException {
        String text = render(TestProjects.mixedResult(TestProjects.flywayRename(root)), root.resolve("db"), false);
        assertTrue(text.startsWith("migration/V1__create_users.sql:2:1: "), text);
    }

    @Test
    void cleanRunSaysSo() throws IOException {
        Project project = TestProjects.flywayRename(root);
        assertEquals("No problems found in 2 files; 0 migrations checked\n", render(new LintResult(project, List.of(), 0), root, false));
        Project one = new Project(root, List.of(), Map.of(Path.of("a.sql"), new SourceFile(Path.of("a.sql"), "")), List.of());
        assertEquals("No problems found in 1 file; 1 migration checked\n", render(new LintResult(one, List.of(), 1), root, false));
    }

    @Test
    void colourOnlyWhenAsked() throws IOException {
        LintResult result = TestProjects.mixedResult(TestProjects.flywayRename(root));
        assertFalse(render(result, root, false).contains("\u001b["));
        String coloured = render(result, root, true);
        assertTrue(coloured.contains("\u001b[1;31merror[rename-column]\u001b[0m"), coloured);
    }
}
