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

/**
 * Applies an {@link EditPlan} (a rule's fix or a suppression comment) to the file's document. Runs in the
 * write action IntelliJ starts for a quick fix; a plan made for an older text of the file is not applied.
 */
final class LifeguardQuickFix implements LocalQuickFix {
    private final EditPlan plan;

    LifeguardQuickFix(EditPlan plan) {
        this.plan = plan;
    }

    @Override
    public @NotNull String getName() {
        return plan.name();
    }

    @Override
    public @NotNull String getFamilyName() {
        return "Lifeguard";
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
        if (document == null || !plan.appliesTo(document.getCharsSequence())) {
            return;
        }
        for (TextEdit edit : plan.edits()) {
            document.replaceString(edit.start(), edit.end(), edit.replacement());
        }
        documents.commitDocument(document);
    }
}
