package dev.lifeguard.intellij;

import com.intellij.codeInspection.LocalQuickFix;
import com.intellij.codeInspection.ProblemDescriptor;
import com.intellij.openapi.editor.Document;
import com.intellij.openapi.project.Project;
import com.intellij.psi.PsiDocumentManager;
import com.intellij.psi.PsiElement;
import com.intellij.psi.PsiFile;
import dev.lifeguard.intellij.problems.EditPlan;
import dev.lifeguard.intellij.problems.TextEdit;
import org.jetbrains.annotations.NotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A quick fix that applies an {@link EditPlan} to the file's document, in the write action IntelliJ starts for
 * it. Stateless as IntelliJ's fix preview needs it: the plan is held as strings and ints only (the default
 * {@code getFileModifierForPreview} accepts such a fix and applies it to a copy of the file to show the
 * preview). Before editing, the plan finds where its text is now; a plan made for a text that changed there is
 * not applied. Only the document is edited ({@code Document.replaceString}), in the command and write action
 * IntelliJ runs a quick fix in.
 */
abstract class EditFix implements LocalQuickFix {
    private final String name;
    private final int[] starts;
    private final int[] ends;
    private final String[] befores;
    private final String[] originals;
    private final String[] afters;
    private final String[] replacements;

    EditFix(EditPlan plan) {
        List<TextEdit> edits = plan.edits();
        int n = edits.size();
        this.name = plan.name();
        this.starts = new int[n];
        this.ends = new int[n];
        this.befores = new String[n];
        this.originals = new String[n];
        this.afters = new String[n];
        this.replacements = new String[n];
        for (int i = 0; i < n; i++) {
            TextEdit e = edits.get(i);
            starts[i] = e.start();
            ends[i] = e.end();
            befores[i] = e.before();
            originals[i] = e.original();
            afters[i] = e.after();
            replacements[i] = e.replacement();
        }
    }

    /** The plan again, from the fields. */
    EditPlan plan() {
        List<TextEdit> edits = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            edits.add(new TextEdit(starts[i], ends[i], befores[i], originals[i], afters[i], replacements[i]));
        }
        return new EditPlan(name, edits);
    }

    @Override
    public @NotNull String getName() {
        return name;
    }

    @Override
    public void applyFix(@NotNull Project project, @NotNull ProblemDescriptor descriptor) {
        PsiElement element = descriptor.getPsiElement();
        PsiFile file = element == null ? null : element.getContainingFile();
        if (file == null) {
            return;
        }
        PsiDocumentManager documents = PsiDocumentManager.getInstance(project);
        Document document = documents.getDocument(file);
        if (document == null) {
            return;
        }
        EditPlan plan = plan();
        OptionalInt shift = plan.shift(document.getCharsSequence());
        if (shift.isEmpty()) {
            return; // the text changed where the fix was meant to go: the next inspection pass offers a fresh one
        }
        for (TextEdit edit : plan.edits()) {
            document.replaceString(edit.start() + shift.getAsInt(), edit.end() + shift.getAsInt(), edit.replacement());
        }
        // no commit here: nothing reads the PSI after the edit, and the IDE commits before it inspects the file again
    }
}
