package dev.lifeguard.cli.report;

import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.engine.LintResult;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions workflow commands, for teams that do not use code scanning: one annotation per finding,
 * which GitHub shows on the pull request's diff and in the run summary, then the summary line.
 * <pre>
 * ::error file=db/V2__rename.sql,line=2,col=1,endLine=2,endColumn=49,title=lifeguard rename-column::column users.name ...
 * </pre>
 * Paths are relative to the project root, which is the repository root in a checkout, as GitHub expects.
 */
public final class GithubReporter implements Reporter {
    private final DocsSite docs;

    /** Links rule pages at the default address for this build. */
    public GithubReporter() {
        this(DocsSite.forVersion(null));
    }

    public GithubReporter(DocsSite docs) {
        this.docs = docs;
    }

    @Override
    public void write(LintResult result, Writer out) throws IOException {
        Project project = result.project();
        for (Finding f : result.findings()) {
            Region region = Region.of(f.span(), project.source(f.span().file()).orElse(null));
            out.write(annotation(f, region, docs) + "\n");
        }
        out.write(Summary.of(result).line() + "\n");
    }

    static String annotation(Finding f, Region region) {
        return annotation(f, region, DocsSite.forVersion(null));
    }

    static String annotation(Finding f, Region region, DocsSite docs) {
        List<String> properties = new ArrayList<>();
        properties.add("file=" + escapeProperty(Printable.of(Uris.slashed(f.span().file()))));
        properties.add("line=" + region.startLine());
        // GitHub takes columns only on a one-line annotation, and its endColumn is the last column, inclusive.
        if (region.endLine() == region.startLine()) {
            properties.add("col=" + region.startColumn());
            properties.add("endLine=" + region.endLine());
            properties.add("endColumn=" + Math.max(region.startColumn(), region.endColumn() - 1));
        } else {
            properties.add("endLine=" + region.endLine());
        }
        properties.add("title=" + escapeProperty("lifeguard " + f.ruleId()));
        return "::" + command(f.severity()) + " " + String.join(",", properties) + "::"
                + escapeData(Printable.lines(message(f, docs)));
    }

    /** The message, then the help and the docs page on lines of their own (GitHub shows them in the annotation). */
    private static String message(Finding f, DocsSite docs) {
        StringBuilder sb = new StringBuilder(f.message());
        if (f.help() != null && !f.help().isBlank()) {
            sb.append("\nhelp: ").append(f.help());
        }
        if (f.fix() != null) {
            sb.append("\nfix: ").append(f.fix().description());
        }
        sb.append("\ndocs: ").append(docs.page(f.rule()));
        return sb.toString();
    }

    static String command(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
    }

    /** As the Actions toolkit's escapeData: what would end the command or the line. */
    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** As the toolkit's escapeProperty: also ':' and ',', which separate the properties. */
    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
