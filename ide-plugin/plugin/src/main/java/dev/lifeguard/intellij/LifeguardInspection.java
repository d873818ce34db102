package dev.lifeguard.intellij;

import com.intellij.codeInspection.InspectionManager;
import com.intellij.codeInspection.LocalInspectionTool;
import com.intellij.codeInspection.LocalQuickFix;
import com.intellij.codeInspection.ProblemDescriptor;
import com.intellij.codeInspection.ProblemHighlightType;
import com.intellij.openapi.diagnostic.ControlFlowException;
import com.intellij.openapi.diagnostic.Logger;
import com.intellij.openapi.progress.ProgressManager;
import com.intellij.openapi.util.TextRange;
import com.intellij.openapi.vfs.VirtualFile;
import com.intellij.psi.PsiFile;
import dev.lifeguard.intellij.problems.EditorProblem;
import dev.lifeguard.intellij.problems.FileLinter;
import dev.lifeguard.intellij.problems.ProjectRoots;
import org.jetbrains.annotations.NotNull;

import javax.swing.BoxLayout;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JPanel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Lifeguard's findings in the migration file being edited. Thin on purpose: what to lint, where to
 * highlight and which fixes to offer is decided by {@link FileLinter} and its plain classes, which are
 * tested without an IDE; this class only translates to IntelliJ's types.
 *
 * <p>Uses only API that exists unchanged from build 183 to current IntelliJ: {@code checkFile},
 * {@code InspectionManager.createProblemDescriptor(PsiElement, TextRange, String, ProblemHighlightType,
 * boolean, LocalQuickFix...)}, {@code ProgressManager.checkCanceled()}, {@code createOptionsPanel()} and the
 * inspection's public fields as its persisted options.
 */
public final class LifeguardInspection extends LocalInspectionTool {
    private static final Logger LOG = Logger.getInstance(LifeguardInspection.class);

    /** One linter, and so one warm model per project root, for every instance IntelliJ makes of the inspection. */
    static final FileLinter LINTER = new FileLinter(LifeguardInspection.class.getClassLoader());

    /**
     * "Use Lifeguard's rule severity": errors, warnings and notes as each rule declares them (and lifeguard.yml
     * overrides them). Off, every finding takes the severity chosen for this inspection in Settings, as
     * JetBrains' own ESLint inspection does. Persisted by IntelliJ as a public field.
     */
    @SuppressWarnings("PublicField")
    public boolean useLifeguardSeverity = true;

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
        FileEvents.listen(LINTER);
        String base = file.getProject().getBasePath();
        List<EditorProblem> problems;
        try {
            problems = LINTER.lint(ProjectRoots.of(path, base == null ? null : Path.of(base)), path, file.getText(),
                    ProgressManager::checkCanceled);
        } catch (RuntimeException e) {
            if (e instanceof ControlFlowException || e instanceof CancellationException) {
                throw e; // canceled (ProcessCanceledException): IntelliJ starts the pass again for the newer text
            }
            // Lifeguard promises to turn bad input into findings; if it fails anyway, the editor must go on
            LOG.warn("Lifeguard could not lint " + path, e);
            return null;
        } catch (LinkageError e) {
            LOG.warn("Lifeguard could not lint " + path, e);
            return null;
        }
        List<ProblemDescriptor> out = new ArrayList<>();
        int length = file.getTextLength();
        for (EditorProblem p : problems) {
            TextRange range = p.isEmptyRange() || p.end() > length ? null : new TextRange(p.start(), p.end());
            out.add(manager.createProblemDescriptor(file, range, p.html(), highlightType(p), isOnTheFly, fixes(p)));
        }
        return out.toArray(ProblemDescriptor.EMPTY_ARRAY);
    }

    private static LocalQuickFix[] fixes(EditorProblem p) {
        List<LocalQuickFix> fixes = new ArrayList<>();
        if (p.rewrite() != null) {
            fixes.add(new RewriteFix(p.rewrite()));
        }
        if (p.suppression() != null) {
            fixes.add(new SuppressFix(p.suppression()));
        }
        return fixes.toArray(LocalQuickFix.EMPTY_ARRAY);
    }

    /** Lifeguard's severity, or the one configured for this inspection ({@code GENERIC_ERROR_OR_WARNING}). */
    ProblemHighlightType highlightType(EditorProblem p) {
        if (!useLifeguardSeverity) {
            return ProblemHighlightType.GENERIC_ERROR_OR_WARNING;
        }
        return switch (p.highlight()) {
            case ERROR -> ProblemHighlightType.GENERIC_ERROR;
            case WARNING -> ProblemHighlightType.WARNING;
            case WEAK_WARNING -> ProblemHighlightType.WEAK_WARNING;
        };
    }

    /** The inspection's one option, as a plain Swing check box (the options API of build 183 and of today). */
    @Override
    public JComponent createOptionsPanel() {
        JPanel panel = new JPanel();
        panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
        JCheckBox box = new JCheckBox("Use Lifeguard's rule severity (error, warning, note) instead of the severity chosen here",
                useLifeguardSeverity);
        box.addItemListener(e -> useLifeguardSeverity = box.isSelected());
        panel.add(box);
        return panel;
    }
}
