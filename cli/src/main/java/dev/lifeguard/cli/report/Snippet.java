package dev.lifeguard.cli.report;

import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceFile;

/**
 * The first source line of a finding with its span underlined. Long lines are cut to a window around
 * the span; tabs before the span are kept in the underline so the carets line up.
 */
final class Snippet {
    private static final int MAX_WIDTH = 160;
    private static final int LEAD = 40;
    private final Ansi ansi;
    private final Severity severity;

    Snippet(Ansi ansi, Severity severity) {
        this.ansi = ansi;
        this.severity = severity;
    }

    String render(SourceFile source, Region region) {
        String line = Printable.of(source.line(region.startLine())); // one character for one: columns hold
        if (line.isBlank()) {
            return "";
        }
        int start = Math.min(region.startColumn() - 1, line.length());
        int end = region.endLine() == region.startLine() ? Math.min(region.endColumn() - 1, line.length()) : line.length();
        end = Math.max(end, Math.min(start + 1, line.length()));
        String prefix = "";
        String suffix = "";
        int from = 0;
        int to = line.length();
        if (line.length() > MAX_WIDTH) {
            from = Math.max(0, start - LEAD);
            to = Math.min(line.length(), from + MAX_WIDTH);
            prefix = from > 0 ? "..." : "";
            suffix = to < line.length() ? "..." : "";
        }
        String number = String.valueOf(region.startLine());
        String gutter = " ".repeat(Math.max(4, number.length() + 1) - number.length());
        String shown = prefix + line.substring(from, to) + suffix;
        StringBuilder under = new StringBuilder(prefix.isEmpty() ? "" : "   ");
        for (int i = from; i < Math.min(start, to); i++) {
            under.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        int carets = Math.max(1, Math.min(end, to) - Math.max(start, from));
        String pad = " ".repeat(gutter.length() + number.length());
        return ansi.dim(gutter + number + " | ") + shown + "\n"
                + ansi.dim(pad + " | ") + under + ansi.severity(severity, "^".repeat(carets)) + "\n";
    }
}
