package dev.lifeguard.intellij;

import com.intellij.codeInsight.intention.LowPriorityAction;
import dev.lifeguard.intellij.problems.EditPlan;
import dev.lifeguard.intellij.problems.TextEdit;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two quick-fix classes: separate for "Fix all", and stateless for the preview. */
class FixClassesTest {
    private static final String TEXT = "CREATE INDEX i ON t (x);\n";
    private static final EditPlan PLAN = new EditPlan("Add CONCURRENTLY", List.of(TextEdit.of(TEXT, 12, 12, " CONCURRENTLY")));

    @Test
    void rewriteAndSuppressionAreDifferentClassesAndFamiliesAndOnlyTheSuppressionStaysOutOfBatches() {
        RewriteFix rewrite = new RewriteFix(PLAN);
        SuppressFix suppress = new SuppressFix(PLAN);
        assertNotEquals(rewrite.getClass(), suppress.getClass());
        assertNotEquals(rewrite.getFamilyName(), suppress.getFamilyName());
        assertFalse(suppress.availableInBatchMode(), "a suppression is never applied to every problem at once");
        assertTrue(suppress instanceof LowPriorityAction, "listed after the rewrite");
        assertFalse(LowPriorityAction.class.isAssignableFrom(rewrite.getClass()));
        assertEquals("Add CONCURRENTLY", rewrite.getName());
    }

    /**
     * Current IntelliJ's {@code FileModifier.getFileModifierForPreview} returns the fix itself (so the preview can
     * apply it to a copy of the file) only when every instance field is a primitive, an enum, a String, a boxed
     * primitive, or an array of those; the rule is restated here and checked on both classes.
     */
    @Test
    void bothFixesHoldOnlyFieldsThePreviewAcceptsAndRebuildTheirPlan() {
        for (EditFix fix : List.of(new RewriteFix(PLAN), new SuppressFix(PLAN))) {
            for (Field f : fields(fix.getClass())) {
                Class<?> type = f.getType();
                while (type.isArray()) {
                    type = type.getComponentType();
                }
                assertTrue(type.isPrimitive() || type.isEnum() || type == String.class, fix.getClass().getSimpleName()
                        + "." + f.getName() + " is a " + f.getType().getSimpleName() + ": the preview would refuse the fix");
            }
            assertEquals(PLAN, fix.plan());
            assertTrue(fix.startInWriteAction(), "the default preview applies only fixes that start in a write action");
        }
    }

    private static List<Field> fields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    out.add(f);
                }
            }
        }
        return out;
    }
}
