package dev.lifeguard.intellij.problems;

import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Fix;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemMapperTest {
    private static final Path SQL = Path.of("db/migration/V2__index.sql");
    private static final Path XML = Path.of("db/changelog/master.xml");

    private static String highlighted(String text, EditorProblem p) {
        return text.substring(p.start(), p.end());
    }

    @Test
    void sqlFindingsAreHighlightedAtTheirOffsets() {
        String text = "SET lock_timeout = '2s';\nCREATE INDEX idx ON users (email);\n";
        SourceFile file = new SourceFile(SQL, text);
        List<EditorProblem> problems = new ProblemMapper(SQL, text)
                .map(List.of(Findings.on(file, "CREATE INDEX idx ON users (email);", "non-concurrent-index")));
        assertEquals(1, problems.size());
        assertEquals("CREATE INDEX idx ON users (email);", highlighted(text, problems.get(0)));
        assertEquals("non-concurrent-index", problems.get(0).ruleId());
        assertEquals(Highlight.WARNING, problems.get(0).highlight());
    }

    @Test
    void multiByteTextBeforeTheStatementDoesNotShiftTheRange() {
        // offsets count UTF-16 chars on both sides: an umlaut, a CJK character and a surrogate pair
        String text = "-- Überprüfung 表 \uD83D\uDE80\nALTER TABLE users DROP COLUMN name;\n";
        SourceFile file = new SourceFile(SQL, text);
        EditorProblem p = new ProblemMapper(SQL, text)
                .map(List.of(Findings.on(file, "ALTER TABLE users DROP COLUMN name;", "drop-column"))).get(0);
        assertEquals("ALTER TABLE users DROP COLUMN name;", highlighted(text, p));
        assertEquals(text.indexOf("ALTER"), p.start());
    }

    @Test
    void liquibaseFindingsWithOnlyALineHighlightThatLineWithoutIndentOrLineBreak() {
        String text = "<databaseChangeLog>\n    <changeSet id=\"1\" author=\"a\">\n        <dropColumn tableName=\"t\" columnName=\"c\"/>\n    </changeSet>\n</databaseChangeLog>\n";
        EditorProblem p = new ProblemMapper(XML, text).map(List.of(Findings.at("drop-column", Severity.ERROR,
                SourceSpan.ofLine(XML, 3), null))).get(0);
        assertEquals("<dropColumn tableName=\"t\" columnName=\"c\"/>", highlighted(text, p));
        assertEquals(Highlight.ERROR, p.highlight());
    }

    @Test
    void crlfLinesHighlightTheSameCharactersAsLfLines() {
        String text = "<databaseChangeLog>\r\n  <changeSet id=\"1\" author=\"a\">\r\n    <dropTable tableName=\"t\"/>\r\n  </changeSet>\r\n</databaseChangeLog>\r\n";
        EditorProblem p = new ProblemMapper(XML, text).map(List.of(Findings.at("drop-table", Severity.WARNING,
                SourceSpan.ofLine(XML, 3), null))).get(0);
        assertEquals("<dropTable tableName=\"t\"/>", highlighted(text, p));

        String sql = "CREATE TABLE a (id int);\r\nDROP TABLE a;\r\n";
        SourceFile file = new SourceFile(SQL, sql);
        EditorProblem q = new ProblemMapper(SQL, sql).map(List.of(Findings.on(file, "DROP TABLE a;", "drop-table"))).get(0);
        assertEquals("DROP TABLE a;", highlighted(sql, q));
    }

    @Test
    void aFindingAboutTheWholeFileMarksItsFirstLine() {
        String text = "not xml at all\nsecond line\n";
        EditorProblem p = new ProblemMapper(XML, text).map(List.of(Findings.at("invalid-migration", Severity.ERROR,
                SourceSpan.startOf(XML), null))).get(0);
        assertEquals("not xml at all", highlighted(text, p));
    }

    @Test
    void aLinePastTheEndOfTheEditedTextStaysInsideIt() {
        String text = "<a/>\n";
        EditorProblem p = new ProblemMapper(XML, text).map(List.of(Findings.at("drop-table", Severity.NOTE,
                SourceSpan.ofLine(XML, 40), null))).get(0);
        assertTrue(p.start() >= 0 && p.end() <= text.length() && p.end() > p.start(), p.toString());
        assertEquals(Highlight.WEAK_WARNING, p.highlight());
    }

    @Test
    void findingsInOtherFilesAreLeftOut() {
        String text = "DROP TABLE a;\n";
        Finding elsewhere = Findings.at("drop-table", Severity.WARNING, new SourceFile(Path.of("other.sql"), text).span(0, 13), null);
        assertTrue(new ProblemMapper(SQL, text).map(List.of(elsewhere)).isEmpty());
    }

    @Test
    void theTooltipCarriesMessageHelpAndTheRuleIdLinkingItsPageAndNeverIntellijTemplateTokens() {
        String text = "DROP TABLE a;\n";
        SourceFile file = new SourceFile(SQL, text);
        Finding f = Findings.on(file, "DROP TABLE a;", "drop-table");
        EditorProblem p = new ProblemMapper(SQL, text).map(List.of(f)).get(0);
        assertEquals("message about drop-table. Do the safe thing.", p.description());
        assertEquals("drop-table", p.ruleId());
        assertEquals("https://github.com/lifeguard-dev/lifeguard/blob/main/docs/rules/drop-table.md", p.ruleUrl());
        // IntelliJ renders a description starting with <html> as HTML in the tooltip, and strips the tags for
        // the Problems view: "message about drop-table. Do the safe thing. [drop-table]"
        assertEquals("<html>message about drop-table. Do the safe thing. [<a href=\"" + p.ruleUrl()
                + "\">drop-table</a>]</html>", p.html());

        Finding tokens = new Finding(f.rule(), f.severity(), "column #ref of <b>#loc</b>", f.span(), "", List.of(), null, "fp");
        String d = new ProblemMapper(SQL, text).map(List.of(tokens)).get(0).html();
        assertFalse(d.contains("#ref") || d.contains("#loc") || d.contains("<b>"), d);
    }

    @Test
    void theRulesFixBecomesEditsAtItsOffsetsAndSuppressionComesSecond() {
        String text = "CREATE INDEX idx ON users (email);\n";
        SourceFile file = new SourceFile(SQL, text);
        int at = "CREATE INDEX".length();
        Fix fix = new Fix("Add CONCURRENTLY", List.of(new Fix.Edit(file.span(at, at), " CONCURRENTLY")));
        Finding f = Findings.at("non-concurrent-index", Severity.ERROR, file.span(0, text.length() - 1), fix);
        EditorProblem p = new ProblemMapper(SQL, text).map(List.of(f)).get(0);

        assertEquals(2, p.fixes().size());
        EditPlan plan = p.rewrite();
        assertEquals("Add CONCURRENTLY", plan.name());
        assertEquals(List.of(new TextEdit(at, at, "CREATE INDEX", "", " idx ON users (email);", " CONCURRENTLY")), plan.edits());
        assertEquals("CREATE INDEX CONCURRENTLY idx ON users (email);\n", plan.applyTo(text));
        assertTrue(p.suppression().name().contains("Suppress non-concurrent-index"), p.suppression().name());
    }

    @Test
    void aFixWithoutOffsetsOrInAnotherFileIsNotOffered() {
        String text = "<dropTable tableName=\"t\"/>\n";
        Fix lineOnly = new Fix("rewrite", List.of(new Fix.Edit(SourceSpan.ofLine(XML, 1), "x")));
        Fix elsewhere = new Fix("rewrite", List.of(new Fix.Edit(new SourceFile(SQL, text).span(0, 1), "x")));
        ProblemMapper mapper = new ProblemMapper(XML, text);
        assertTrue(mapper.fix(lineOnly).isEmpty());
        assertTrue(mapper.fix(elsewhere).isEmpty());
        assertTrue(mapper.fix(null).isEmpty());
    }
}
