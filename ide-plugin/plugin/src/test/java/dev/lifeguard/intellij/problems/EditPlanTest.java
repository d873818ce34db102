package dev.lifeguard.intellij.problems;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditPlanTest {

    @Test
    void editsApplyFromTheEndSoEarlierOffsetsStayValid() {
        String text = "ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (b) REFERENCES b (id);\n";
        int end = text.indexOf(';');
        EditPlan plan = new EditPlan("fix", List.of(
                new TextEdit(0, 0, "", "SET lock_timeout = '2s';\n"),
                new TextEdit(end, end, "", " NOT VALID")));
        assertEquals(List.of(end, 0), plan.edits().stream().map(TextEdit::start).toList());
        assertEquals("SET lock_timeout = '2s';\nALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (b) REFERENCES b (id) NOT VALID;\n",
                plan.applyTo(text));
    }

    @Test
    void aPlanForAnOlderTextIsNotApplied() {
        EditPlan plan = new EditPlan("fix", List.of(new TextEdit(7, 13, "TABLE ", "")));
        assertTrue(plan.appliesTo("CREATE TABLE t (id int);"));
        assertFalse(plan.appliesTo("CREATE VIEW v AS SELECT 1;"));
        assertFalse(plan.appliesTo("CREATE"));
        assertThrows(IllegalStateException.class, () -> plan.applyTo("CREATE VIEW v AS SELECT 1;"));
    }

    @Test
    void overlappingEditsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EditPlan("fix", List.of(
                new TextEdit(0, 5, "abcde", "x"), new TextEdit(3, 8, "defgh", "y"))));
        assertThrows(IllegalArgumentException.class, () -> new TextEdit(3, 5, "abc", "x"));
    }
}
