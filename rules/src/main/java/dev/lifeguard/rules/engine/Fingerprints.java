package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fingerprints that survive unrelated edits: the rule, the file and the finding's own text with
 * whitespace collapsed (not its line number), plus an occurrence counter for identical statements in
 * one file. Moving a statement down by adding lines above it keeps its fingerprint.
 */
public final class Fingerprints {
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private Fingerprints() {
    }

    /** The findings with their fingerprints (also used by lifeguard verify for the findings it measures). */
    public static List<Finding> assign(List<Finding> findings, Project project) {
        Map<String, Integer> seen = new HashMap<>();
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String basis = f.ruleId() + "\u0000" + f.span().file().toString().replace('\\', '/') + "\u0000"
                    + normalizedText(f.span(), project.source(f.span().file()).orElse(null));
            int n = seen.merge(basis, 1, Integer::sum);
            out.add(f.withFingerprint(sha256(basis + "\u0000" + n)));
        }
        return out;
    }

    static String normalizedText(SourceSpan span, SourceFile source) {
        if (source == null) {
            return "";
        }
        String text;
        if (span.hasOffsets() && span.endOffset() > span.startOffset()) {
            text = source.text().substring(span.startOffset(), Math.min(span.endOffset(), source.text().length()));
        } else {
            StringBuilder sb = new StringBuilder();
            for (int l = span.startLine(); l <= span.endLine(); l++) {
                sb.append(source.line(l)).append('\n');
            }
            text = sb.toString();
        }
        return WHITESPACE.matcher(text).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
    }

    private static String sha256(String s) {
        return HexFormat.of().formatHex(Sha256.digest(s.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }
}
