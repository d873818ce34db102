package dev.lifeguard.rules.suppress;

import dev.lifeguard.analyzer.model.SourceSpan;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The syntax constants, the comments rendered from them, and the parser that reads them back. */
class SuppressionsTest {
    private static final SourceSpan AT = SourceSpan.startOf(Path.of("V1__a.sql"));

    @Test
    void rendersOneCommentPerSyntax() {
        List<String> ids = List.of("drop-column", "missing-lock-timeout");
        assertEquals("-- lifeguard:ignore drop-column,missing-lock-timeout unused since 4.2",
                Suppressions.comment(CommentSyntax.SQL, ids, " unused  since 4.2"));
        assertEquals("<!-- lifeguard:ignore drop-column,missing-lock-timeout a - - b -->",
                Suppressions.comment(CommentSyntax.XML, ids, "a -- b"));
        assertEquals("# lifeguard:ignore-file drop-column,missing-lock-timeout",
                Suppressions.fileComment(CommentSyntax.YAML, ids, null));
        assertNull(Suppressions.comment(CommentSyntax.NONE, ids, "x"));
    }

    @Test
    void renderedCommentsParseBack() {
        for (CommentSyntax syntax : List.of(CommentSyntax.SQL, CommentSyntax.XML, CommentSyntax.YAML)) {
            String text = Suppressions.comment(syntax, List.of("rename-column", "drop-table"), "why not") + "\n";
            List<CommentScanner.Comment> comments = CommentScanner.scan(text, syntax);
            assertEquals(1, comments.size(), syntax.name());
            SuppressionDirective d = SuppressionDirective.parse(comments.get(0).body(), AT);
            assertEquals(List.of("rename-column", "drop-table"), d.ruleIds(), syntax.name());
            assertEquals("why not", d.reason(), syntax.name());
            assertFalse(d.fileWide());
        }
    }

    @Test
    void parsesIdsAndReason() {
        SuppressionDirective d = SuppressionDirective.parse(" lifeguard:ignore a-b , c -- because: reasons ", AT);
        assertEquals(List.of("a-b", "c"), d.ruleIds());
        assertEquals("because: reasons", d.reason());
        assertTrue(SuppressionDirective.parse("lifeguard:ignore-file x", AT).fileWide());
        assertFalse(SuppressionDirective.parse("lifeguard:ignore-file x", AT).hasReason());
        assertEquals(List.of(), SuppressionDirective.parse("lifeguard:ignore", AT).ruleIds());
        assertNull(SuppressionDirective.parse("lifeguard:ignored x", AT));
        assertNull(SuppressionDirective.parse("see lifeguard:ignore x", AT));
        assertEquals(CommentSyntax.XML, CommentSyntax.of(Path.of("db/master.XML")));
        assertEquals(CommentSyntax.YAML, CommentSyntax.of(Path.of("a.yml")));
        assertEquals(CommentSyntax.SQL, CommentSyntax.of(Path.of("V1__a.sql")));
    }
}
