package dev.lifeguard.intellij;

import com.intellij.codeInspection.InspectionManager;
import com.intellij.codeInspection.LocalInspectionTool;
import com.intellij.codeInspection.LocalQuickFix;
import com.intellij.codeInspection.ProblemDescriptor;
import com.intellij.codeInspection.ProblemHighlightType;
import com.intellij.openapi.diagnostic.Logger;
import com.intellij.openapi.util.TextRange;
import com.intellij.openapi.vfs.VirtualFile;
import com.intellij.psi.PsiFile;
import dev.lifeguard.intellij.problems.EditorProblem;
import dev.lifeguard.intellij.problems.FileLinter;
import dev.lifeguard.intellij.problems.ProjectRoots;
import org.jetbrains.annotations.NotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lifeguard's findings in the migration file being edited. Thin on purpose: what to lint, where to
 * highlight and which fixes to offer is decided by {@link FileLinter} and its plain classes, which are
 * tested without an IDE; this class only translates to IntelliJ's types.
 *
 * <p>Uses only API that exists unchanged from build 183 to current IntelliJ: {@code checkFile} and
 * {@code InspectionManager.createProblemDescriptor(PsiElement, TextRange, String, ProblemHighlightType,
 * boolean, LocalQuickFix...)}.
 */
public final class LifeguardInspection extends LocalInspectionTool {
    private static final Logger LOG = Logger.getInstance(LifeguardInspection.class);

    private final FileLinter linter = new FileLinter(LifeguardInspection.class.getClassLoader());

    @Override
    public ProblemDescriptor[] checkFile(@NotNull PsiFile file, @NotNull InspectionManager manager, boolean isOnTheFly) {
        VirtualFile virtualFile = file.getVirtualFile();
        if (virtualFile == null || !virtualFile.isInLocalFileSystem()) {
            return null;
        }
        Path path = Path.of(virtualFile.getPath());
        if (!FileLinter.mayBeMigration(path)) {
            return null;
        }
        String base = file.getProject().getBasePath();
        List<EditorProblem> problems;
        try {
            problems = linter.lint(ProjectRoots.of(path, base == null ? null : Path.of(base)), path, file.getText());
        } catch (RuntimeException | LinkageError e) {
            // Lifeguard promises to turn bad input into findings; if it fails anyway, the editor must go on
            LOG.warn("Lifeguard could not lint " + path, e);
            return null;
        }
        List<ProblemDescriptor> out = new ArrayList<>();
        int length = file.getTextLength();
        for (EditorProblem p : problems) {
            TextRange range = p.isEmptyRange() || p.end() > length ? null : new TextRange(p.start(), p.end());
            LocalQuickFix[] fixes = p.fixes().stream().map(LifeguardQuickFix::new).toArray(LocalQuickFix[]::new);
            out.add(manager.createProblemDescriptor(file, range, p.description(), highlightType(p), isOnTheFly, fixes));
        }
        return out.toArray(ProblemDescriptor.EMPTY_ARRAY);
    }

    private static ProblemHighlightType highlightType(EditorProblem p) {
        return switch (p.highlight()) {
            case ERROR -> ProblemHighlightType.GENERIC_ERROR;
            case WARNING -> ProblemHighlightType.WARNING;
            case WEAK_WARNING -> ProblemHighlightType.WEAK_WARNING;
        };
    }
}
