package dev.lifeguard.cli.lsp;

import dev.lifeguard.rules.editor.ProjectModel;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.RelatedLocation;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Findings as LSP diagnostics: the rule id is the code, its page on the web the code's link (the link source of
 * every report, {@link dev.lifeguard.rules.RulePages}), "lifeguard" the source.
 */
final class Diagnostics {
    static final String SOURCE = "lifeguard";

    List<Diagnostic> of(ProjectModel.Linted linted, Path root) {
        DocumentText text = new DocumentText(linted.source());
        List<Diagnostic> out = new ArrayList<>();
        for (Finding f : linted.findings()) {
            out.add(of(f, text, linted, root));
        }
        return out;
    }

    Diagnostic of(Finding f, DocumentText text, ProjectModel.Linted linted, Path root) {
        Project project = linted.project();
        Diagnostic d = new Diagnostic(text.range(f.span()), f.message(), severity(f.severity()), SOURCE, f.ruleId());
        d.setCodeDescription(new DiagnosticCodeDescription(linted.pages().page(f.rule())));
        if (!f.related().isEmpty()) {
            List<DiagnosticRelatedInformation> related = new ArrayList<>();
            for (RelatedLocation r : f.related()) {
                Path file = r.span().file();
                SourceFile source = file.equals(text.source().path()) ? text.source()
                        : project.source(file).orElseGet(() -> new SourceFile(file, ""));
                Range range = new DocumentText(source).range(r.span());
                related.add(new DiagnosticRelatedInformation(
                        new Location(root.resolve(file).toUri().toString(), range), r.message()));
            }
            d.setRelatedInformation(related);
        }
        return d;
    }

    static DiagnosticSeverity severity(Severity severity) {
        return switch (severity) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case NOTE -> DiagnosticSeverity.Information;
        };
    }
}
