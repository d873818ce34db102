package dev.lifeguard.cli.lsp;

import dev.lifeguard.rules.editor.ProjectModel;
import dev.lifeguard.rules.Finding;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

import java.util.ArrayList;
import java.util.List;

/** Hovering inside a finding's range shows what the rule is about and what to do instead, with its docs link. */
final class Hovers {
    /** The hover at a position, or null where no finding is (LSP's "no hover"). */
    Hover at(ProjectModel.Linted linted, Position position) {
        DocumentText text = new DocumentText(linted.source());
        List<String> parts = new ArrayList<>();
        Range first = null;
        for (Finding f : linted.findings()) {
            Range range = text.range(f.span());
            if (DocumentText.contains(range, position)) {
                first = first == null ? range : first;
                parts.add(markdown(f, linted));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, String.join("\n\n---\n\n", parts)), first);
    }

    private static String markdown(Finding f, ProjectModel.Linted linted) {
        return "**" + f.ruleId() + "** (" + f.severity().id() + "): " + f.rule().summary() + "\n\n"
                + f.message() + "\n\n"
                + "**Instead:** " + f.help() + "\n\n"
                + "[" + f.ruleId() + "](" + linted.pages().page(f.rule()) + ")";
    }
}
