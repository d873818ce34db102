package dev.lifeguard.intellij.problems;

import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.suppress.Suppressions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the suppress quick fix puts the comment (the comment itself is Suppressions.comment's). */
class SuppressionCommentsTest {
    private static final String REASON = Suppressions.REASON_PLACEHOLDER;

    private static String suppressed(Path path, String text, Finding f) {
        EditPlan plan = SuppressionComments.plan(new SourceFile(path, text), f).orElseThrow();
        assertEquals(1, plan.edits().size());
        return plan.applyTo(text);
    }

    @Test
    void sqlCommentGoesOnItsOwnLineBeforeTheStatementIndentedLikeIt() {
        Path sql = Path.of("V2__x.sql");
        String text = "BEGIN;\n  CREATE INDEX i ON t (a);\nCOMMIT;\n";
        Finding f = Findings.on(new SourceFile(sql, text), "CREATE INDEX i ON t (a);", "non-concurrent-index");
        assertEquals("BEGIN;\n  -- lifeguard:ignore non-concurrent-index " + REASON + "\n  CREATE INDEX i ON t (a);\nCOMMIT;\n",
                suppressed(sql, text, f));
    }

    @Test
    void aClauseIsSuppressedBeforeItsStatement() {
        Path sql = Path.of("V2__x.sql");
        String text = "ALTER TABLE t\n  ADD COLUMN a int,\n  ADD COLUMN b int NOT NULL;\n";
        SourceFile file = new SourceFile(sql, text);
        int clause = text.indexOf("ADD COLUMN b");
        SourceSpan span = file.span(clause, text.indexOf(';')).withinStatementAt(0);
        Finding f = Findings.at("not-null-without-default", Severity.ERROR, span, null);
        assertEquals("-- lifeguard:ignore not-null-without-default " + REASON + "\n" + text, suppressed(sql, text, f));
    }

    @Test
    void aStatementThatStartsMidLineGetsTheCommentRightBeforeIt() {
        Path sql = Path.of("V2__x.sql");
        String text = "SELECT 1; DROP TABLE t;\n";
        Finding f = Findings.on(new SourceFile(sql, text), "DROP TABLE t;", "drop-table");
        assertEquals("SELECT 1; -- lifeguard:ignore drop-table " + REASON + "\nDROP TABLE t;\n", suppressed(sql, text, f));
    }

    @Test
    void liquibaseXmlAndYamlFindingsGetTheCommentAboveTheirLine() {
        Path xml = Path.of("master.xml");
        String x = "<databaseChangeLog>\n    <changeSet id=\"1\" author=\"a\">\n        <dropTable tableName=\"t\"/>\n    </changeSet>\n</databaseChangeLog>\n";
        assertEquals("<databaseChangeLog>\n    <changeSet id=\"1\" author=\"a\">\n        <!-- lifeguard:ignore drop-table "
                        + REASON + " -->\n        <dropTable tableName=\"t\"/>\n    </changeSet>\n</databaseChangeLog>\n",
                suppressed(xml, x, Findings.at("drop-table", Severity.WARNING, SourceSpan.ofLine(xml, 3), null)));

        Path yaml = Path.of("changelog.yaml");
        String y = "databaseChangeLog:\n  - changeSet:\n      id: 1\n      changes:\n        - dropTable:\n            tableName: t\n";
        assertEquals("databaseChangeLog:\n  - changeSet:\n      id: 1\n      changes:\n        # lifeguard:ignore drop-table "
                        + REASON + "\n        - dropTable:\n            tableName: t\n",
                suppressed(yaml, y, Findings.at("drop-table", Severity.WARNING, SourceSpan.ofLine(yaml, 5), null)));
    }

    @Test
    void crlfFilesGetACrlfLineBreak() {
        Path xml = Path.of("master.xml");
        String x = "<databaseChangeLog>\r\n  <changeSet id=\"1\" author=\"a\">\r\n    <dropTable tableName=\"t\"/>\r\n  </changeSet>\r\n</databaseChangeLog>";
        String out = suppressed(xml, x, Findings.at("drop-table", Severity.WARNING, SourceSpan.ofLine(xml, 3), null));
        assertTrue(out.contains("\r\n    <!-- lifeguard:ignore drop-table " + REASON + " -->\r\n    <dropTable"), out);
        assertEquals(out.split("\r\n", -1).length - 1, out.split("\n", -1).length - 1, "every line break is CRLF");
    }

    @Test
    void jsonChangelogsOfferNoSuppression() {
        Path json = Path.of("changelog.json");
        String text = "{\"databaseChangeLog\": []}\n";
        assertTrue(SuppressionComments.plan(new SourceFile(json, text),
                Findings.at("drop-table", Severity.WARNING, SourceSpan.ofLine(json, 1), null)).isEmpty());
    }
}
