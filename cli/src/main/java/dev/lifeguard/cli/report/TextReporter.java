package dev.lifeguard.cli.report;

import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.engine.LintResult;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The report for people, in the shape compilers use so terminals and editors make the location
 * clickable:
 * <pre>
 * db/V2__rename.sql:2:1: error[rename-column] column users.name is renamed to full_name in place ...
 *    2 | ALTER TABLE users RENAME COLUMN name TO full_name;
 *      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
 *   help: Add the new column, write both and backfill, ...
 *   docs: https://github.com/lifeguard-dev/lifeguard/blob/main/docs/rules/rename-column.md (or: lifeguard explain rename-column)
 * </pre>
 * then one summary line. Suppressed findings are not shown, only counted in the summary.
 */
public final class TextReporter implements Reporter {
    private final ReportContext context;
    private final Ansi ansi;

    public TextReporter(ReportContext context) {
        this.context = context;
        this.ansi = new Ansi(context.colour());
    }

    @Override
    public void write(LintResult result, Writer out) throws IOException {
        Project project = result.project();
        for (Finding f : result.findings()) {
            if (f.isSuppressed()) {
                continue; // counted in the summary line
            }
            write(project, f, out);
        }
        out.write(ansi.bold(Summary.of(result).line()) + "\n");
    }

    /** One finding (a method of its own, which the JIT compiles early when there are many). */
    private void write(Project project, Finding f, Writer out) throws IOException {
        SourceFile source = project.source(f.span().file()).orElse(null);
        Region region = Region.of(f.span(), source);
        out.write(ansi.bold(location(project, f.span())) + ": "
                + ansi.severity(f.severity(), f.severity().id() + "[" + f.ruleId() + "]") + " "
                + ansi.bold(Printable.of(f.message())) + "\n");
        if (source != null) {
            out.write(new Snippet(ansi, f.severity()).render(source, region));
        }
        for (RelatedLocation r : f.related()) {
            out.write("  " + ansi.cyan("note:") + " " + location(project, r.span()) + ": " + Printable.of(r.message()) + "\n");
        }
        if (f.help() != null && !f.help().isBlank()) {
            out.write("  " + ansi.cyan("help:") + " " + Printable.lines(f.help()) + "\n");
        }
        if (f.fix() != null) {
            out.write("  " + ansi.cyan("fix:") + " " + Printable.of(f.fix().description()) + "\n");
        }
        // the address may come from lifeguard.yml, which a pull request controls
        out.write("  " + ansi.cyan("docs:") + " " + Printable.of(context.docs().page(f.rule())) + " (or: lifeguard explain "
                + f.ruleId() + ")\n\n");
    }

    /** path:line:col, the path relative to the working directory so that it opens from the terminal. */
    private String location(Project project, SourceSpan span) {
        Path absolute = project.root().resolve(span.file()).normalize();
        Path shown;
        try {
            shown = context.workingDirectory().relativize(absolute);
        } catch (IllegalArgumentException e) {
            shown = absolute;
        }
        String path = shown.toString().isEmpty() ? absolute.toString() : shown.toString();
        return Printable.of(path) + ":" + span.startLine() + ":" + span.startColumn();
    }
}
