package dev.lifeguard.intellij.harness;

import com.intellij.codeInspection.CommonProblemDescriptor;
import com.intellij.codeInspection.GlobalInspectionContext;
import com.intellij.codeInspection.InspectionManager;
import com.intellij.codeInspection.LocalQuickFix;
import com.intellij.codeInspection.ModuleProblemDescriptor;
import com.intellij.codeInspection.ProblemDescriptor;
import com.intellij.codeInspection.ProblemHighlightType;
import com.intellij.codeInspection.QuickFix;
import com.intellij.openapi.module.Module;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.util.TextRange;
import com.intellij.psi.PsiElement;

import java.lang.reflect.Proxy;

/**
 * TEST DOUBLE. The IntelliJ core in kotlin-compiler has no inspection manager (it lives in the IDE's
 * analysis implementation), so this stands in for it: it records what {@code createProblemDescriptor(element,
 * range, description, highlight, onTheFly, fixes...)} is given, the one method Lifeguard's inspection calls,
 * as a {@link ProblemDescriptor} whose getters return exactly that. Every other method is refused.
 */
final class TestInspectionManager extends InspectionManager {
    private final Project project;

    TestInspectionManager(Project project) {
        this.project = project;
    }

    static ProblemDescriptor descriptor(PsiElement element, TextRange range, String description,
                                        ProblemHighlightType highlight, LocalQuickFix[] fixes) {
        return (ProblemDescriptor) Proxy.newProxyInstance(TestInspectionManager.class.getClassLoader(),
                new Class<?>[] {ProblemDescriptor.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPsiElement", "getStartElement", "getEndElement" -> element;
                    case "getTextRangeInElement" -> range;
                    case "getDescriptionTemplate" -> description;
                    case "getHighlightType" -> highlight;
                    case "getFixes" -> fixes;
                    case "showTooltip" -> true;
                    case "isAfterEndOfLine" -> false;
                    case "getLineNumber" -> 0;
                    case "toString" -> "ProblemDescriptor(" + description + ")";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public ProblemDescriptor createProblemDescriptor(PsiElement element, TextRange range, String description,
                                                     ProblemHighlightType highlight, boolean onTheFly, LocalQuickFix... fixes) {
        return descriptor(element, range, description, highlight, fixes);
    }

    @Override
    public Project getProject() {
        return project;
    }

    private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException("not used by Lifeguard's inspection");
    }

    @Override
    public CommonProblemDescriptor createProblemDescriptor(String d, QuickFix... f) {
        throw refused();
    }

    @Override
    public ModuleProblemDescriptor createProblemDescriptor(String d, Module m, QuickFix... f) {
        throw refused();
    }

    @Override
    public ProblemDescriptor createProblemDescriptor(PsiElement e, String d, LocalQuickFix f, ProblemHighlightType h, boolean o) {
        throw refused();
    }

    @Override
    public ProblemDescriptor createProblemDescriptor(PsiElement e, String d, boolean o, LocalQuickFix[] f, ProblemHighlightType h) {
        throw refused();
    }

    @Override
    public ProblemDescriptor createProblemDescriptor(PsiElement e, String d, LocalQuickFix[] f, ProblemHighlightType h,
                                                     boolean o, boolean a) {
        throw refused();
    }

    @Override
    public ProblemDescriptor createProblemDescriptor(PsiElement s, PsiElement e, String d, ProblemHighlightType h,
                                                     boolean o, LocalQuickFix... f) {
        throw refused();
    }

    @Override
    public ProblemDescriptor createProblemDescriptor(PsiElement e, String d, boolean s, ProblemHighlightType h, boolean o,
                                                     LocalQuickFix... f) {
        throw refused();
    }

    @Override
    public ProblemDescriptor createProblemDescriptor(PsiElement e, String d, LocalQuickFix f, ProblemHighlightType h) {
        throw refused();
    }

    @Override
    public ProblemDescriptor createProblemDescriptor(PsiElement e, String d, LocalQuickFix[] f, ProblemHighlightType h) {
        throw refused();
    }

    @Override
    public ProblemDescriptor createProblemDescriptor(PsiElement e, String d, LocalQuickFix[] f, ProblemHighlightType h,
                                                     boolean o) {
        throw refused();
    }

    @Override
    public ProblemDescriptor createProblemDescriptor(PsiElement s, PsiElement e, String d, ProblemHighlightType h,
                                                     LocalQuickFix... f) {
        throw refused();
    }

    @Override
    public ProblemDescriptor createProblemDescriptor(PsiElement e, TextRange r, String d, ProblemHighlightType h,
                                                     LocalQuickFix... f) {
        throw refused();
    }

    @Override
    public GlobalInspectionContext createNewGlobalContext(boolean reuse) {
        throw refused();
    }
}
