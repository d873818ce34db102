package dev.lifeguard.intellij.problems;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditPlanTest {
    private static final String FK = "ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (b) REFERENCES b (id);\n";

    private static EditPlan notValid(String text) {
        int end = text.indexOf(';');
        return new EditPlan("fix", List.of(
                TextEdit.of(text, 0, 0, "SET lock_timeout = '2s';\n"),
                TextEdit.of(text, end, end, " NOT VALID")));
    }

    @Test
    void editsApplyFromTheEndSoEarlierOffsetsStayValid() {
        EditPlan plan = notValid(FK);
        assertEquals(List.of(FK.indexOf(';'), 0), plan.edits().stream().map(TextEdit::start).toList());
        assertEquals("SET lock_timeout = '2s';\nALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (b) REFERENCES b (id) NOT VALID;\n",
                plan.applyTo(FK));
    }

    @Test
    void aPlanForAnOlderTextIsNotApplied() {
        String text = "CREATE TABLE t (id int);";
        EditPlan plan = new EditPlan("fix", List.of(TextEdit.of(text, 7, 13, "")));
        assertTrue(plan.appliesTo(text));
        assertFalse(plan.appliesTo("CREATE VIEW v AS SELECT 1;"));
        assertFalse(plan.appliesTo("CREATE"));
        assertThrows(IllegalStateException.class, () -> plan.applyTo("CREATE VIEW v AS SELECT 1;"));
    }

    /** An insertion replaces nothing: only its context can tell that the statement it belongs to is still there. */
    @Test
    void anInsertionIsCheckedByTheTextAroundIt() {
        String text = "CREATE INDEX idx ON users (email);\n";
        int at = "CREATE INDEX".length();
        EditPlan concurrently = new EditPlan("Add CONCURRENTLY", List.of(TextEdit.of(text, at, at, " CONCURRENTLY")));
        assertTrue(concurrently.appliesTo(text));
        // the statement was rewritten meanwhile: an insertion at the old offset would land in the middle of a word
        assertFalse(concurrently.appliesTo("CREATE UNIQUE INDEX idx ON users (email);\n"));
        assertFalse(concurrently.appliesTo("DROP TABLE users_and_more;\n"));
    }

    /** "Fix all" applies one fix after the other: a fix earlier in the file moves the text the later ones are for. */
    @Test
    void aPlanFollowsItsTextWhenAnEarlierEditMovedIt() {
        String two = "CREATE INDEX a ON t (x);\nCREATE INDEX b ON t (y);\n";
        int first = "CREATE INDEX".length();
        int second = two.indexOf("CREATE INDEX b") + "CREATE INDEX".length();
        EditPlan one = new EditPlan("Add CONCURRENTLY", List.of(TextEdit.of(two, first, first, " CONCURRENTLY")));
        EditPlan other = new EditPlan("Add CONCURRENTLY", List.of(TextEdit.of(two, second, second, " CONCURRENTLY")));
        String afterOne = one.applyTo(two);
        assertEquals(OptionalInt.of(" CONCURRENTLY".length()), other.shift(afterOne));
        assertEquals("CREATE INDEX CONCURRENTLY a ON t (x);\nCREATE INDEX CONCURRENTLY b ON t (y);\n", other.applyTo(afterOne));
    }

    @Test
    void ofTwoPlacesThatFitTheNearestIsChosen() {
        String same = "CREATE INDEX i ON t (x);\n".repeat(3);
        int third = 2 * same.length() / 3 + "CREATE INDEX".length();
        EditPlan plan = new EditPlan("fix", List.of(TextEdit.of(same, third, third, " CONCURRENTLY")));
        String applied = plan.applyTo(same);
        assertEquals(same.substring(0, 2 * same.length() / 3) + "CREATE INDEX CONCURRENTLY i ON t (x);\n", applied);
    }

    @Test
    void overlappingEditsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EditPlan("fix", List.of(
                TextEdit.of("abcdefgh", 0, 5, "x"), TextEdit.of("abcdefgh", 3, 8, "y"))));
        assertThrows(IllegalArgumentException.class, () -> new TextEdit(3, 5, "", "abc", "", "x"));
    }
}
