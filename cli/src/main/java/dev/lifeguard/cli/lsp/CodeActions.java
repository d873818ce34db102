package dev.lifeguard.cli.lsp;

import dev.lifeguard.rules.editor.ProjectModel;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Fix;
import dev.lifeguard.rules.suppress.CommentSyntax;
import dev.lifeguard.rules.suppress.Suppressions;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quick fixes for a finding: the rule's mechanical rewrite where it has one (preferred), and
 * "suppress with a reason", which writes Lifeguard's ignore comment on its own line above the statement.
 */
final class CodeActions {
    private final Diagnostics diagnostics;

    CodeActions(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The actions for the findings whose range touches the requested range. */
    List<CodeAction> forRange(ProjectModel.Linted linted, String uri, Range requested, java.nio.file.Path root) {
        DocumentText text = new DocumentText(linted.source());
        List<CodeAction> out = new ArrayList<>();
        for (Finding f : linted.findings()) {
            Range range = text.range(f.span());
            if (!overlaps(range, requested)) {
                continue;
            }
            Diagnostic diagnostic = diagnostics.of(f, text, linted, root);
            if (f.fix() != null && f.fix().edits().stream().allMatch(e -> e.span().hasOffsets())) {
                out.add(fix(f.fix(), text, uri, diagnostic));
            }
            suppress(f, text, uri, diagnostic).ifPresent(out::add);
        }
        return out;
    }

    private static CodeAction fix(Fix fix, DocumentText text, String uri, Diagnostic diagnostic) {
        List<TextEdit> edits = new ArrayList<>();
        for (Fix.Edit e : fix.edits()) {
            edits.add(new TextEdit(text.range(e.span().startOffset(), e.span().endOffset()), e.replacement()));
        }
        CodeAction action = new CodeAction(fix.description());
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(diagnostic));
        action.setIsPreferred(true);
        action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
        return action;
    }

    /** Above the statement's first line, indented like it; none in JSON, which has no comments. */
    static Optional<CodeAction> suppress(Finding f, DocumentText text, String uri, Diagnostic diagnostic) {
        String ignore = Suppressions.comment(CommentSyntax.of(text.source().path()), List.of(f.ruleId()),
                Suppressions.REASON_PLACEHOLDER);
        if (ignore == null) {
            return Optional.empty();
        }
        SourceSpan span = f.span();
        int line = span.hasOffsets() && span.statementStart() >= 0
                ? text.source().lineOf(span.statementStart()) : span.startLine();
        String lineText = text.source().line(line);
        String indent = lineText.substring(0, DocumentText.indentOf(lineText));
        String comment = indent + ignore + lineBreak(text);
        Position at = new Position(line - 1, 0);
        CodeAction action = new CodeAction("Suppress " + f.ruleId() + " here (with a reason)");
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(diagnostic));
        action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(new Range(at, at), comment)))));
        return Optional.of(action);
    }

    /** The file's own line break, so a CRLF file stays CRLF. */
    private static String lineBreak(DocumentText text) {
        return text.source().text().contains("\r\n") ? "\r\n" : "\n";
    }

    private static boolean overlaps(Range a, Range b) {
        return !(before(a.getEnd(), b.getStart()) || before(b.getEnd(), a.getStart()));
    }

    private static boolean before(Position x, Position y) {
        return x.getLine() < y.getLine() || (x.getLine() == y.getLine() && x.getCharacter() < y.getCharacter());
    }
}
