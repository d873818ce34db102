package dev.lifeguard.rules.suppress;

import dev.lifeguard.analyzer.model.SourceFile;

/** Just enough YAML to know where the list item or key that a suppression comment precedes ends. */
final class YamlItems {
    private YamlItems() {
    }

    /**
     * The end of the block starting at {@code start}: every following line indented deeper than it
     * (blank and comment lines included), or -1 when {@code start} is not the first thing on its line.
     */
    static int extent(SourceFile source, int start) {
        String text = source.text();
        if (start >= text.length()) {
            return -1;
        }
        int line = source.lineOf(start);
        int indent = start - source.offsetOf(line, 1);
        if (!source.line(line).substring(0, indent).isBlank()) {
            return -1;
        }
        int end = source.offsetOf(line, 1) + source.line(line).length();
        for (int l = line + 1; l <= source.lineCount(); l++) {
            String s = source.line(l);
            String stripped = s.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#") && s.length() - s.stripLeading().length() <= indent) {
                break;
            }
            end = source.offsetOf(l, 1) + s.length();
        }
        return end;
    }
}
