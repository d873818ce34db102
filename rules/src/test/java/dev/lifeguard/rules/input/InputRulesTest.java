package dev.lifeguard.rules.input;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lifeguard.rules.testing.ProjectBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** invalid-migration and parse-error: what could not be read is said, where it is. */
class InputRulesTest {

    @Test
    void everyLoadProblemIsAnInvalidMigration() {
        List<Finding> f = postgres().problem("changelog.xml", 7, "malformed XML: element not closed")
                .lint(new InvalidMigrationRule());
        assertEquals(1, f.size());
        assertEquals(7, f.get(0).span().startLine());
        assertEquals("malformed XML: element not closed", f.get(0).message());
        assertEquals(Severity.ERROR, f.get(0).severity());
    }

    @Test
    void unparsedStatementsForwardAndReverseAreNotes() {
        Operation.Unparsed fwd = new Operation.Unparsed(at("V2__m.sql", 1), "ALTER TABLE x FROB", "unexpected FROB");
        Operation.Unparsed back = new Operation.Unparsed(at("U2__m.sql", 3), "DROP FROB", "unexpected FROB");
        List<Finding> f = postgres().migration("V2__m.sql", "2",
                new Reverse(Reverse.Kind.SCRIPT, at("U2__m.sql", 1), List.of(back)), fwd).lint(new ParseErrorRule());
        assertEquals(2, f.size());
        assertEquals("not checked: unexpected FROB", f.get(1).message());
        assertEquals(Severity.NOTE, f.get(1).severity());
        assertEquals("U2__m.sql", f.get(0).span().file().toString());
    }
}
