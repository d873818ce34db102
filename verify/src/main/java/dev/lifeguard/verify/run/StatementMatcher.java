package dev.lifeguard.verify.run;

import dev.lifeguard.analyzer.model.SourceSpan;

import java.util.List;
import java.util.Locale;

/**
 * Ties the statements a runner sends back to where they are written: the next statement of the migration's
 * {@link Script} whose text is the same (comments and whitespace aside), else the next one in order (the runner
 * replaced placeholders, or split differently), else the migration itself.
 */
final class StatementMatcher {
    private final Script script;
    private final SourceSpan whole;
    private final List<String> normalized;
    private int next;

    StatementMatcher(Script script, SourceSpan whole) {
        this.script = script;
        this.whole = whole;
        this.normalized = script.steps().stream().map(s -> normalize(s.sql())).toList();
    }

    /** The step this SQL is, or null when the script has no more steps. */
    Script.Step match(String sql) {
        String n = normalize(sql);
        for (int i = next; i < normalized.size(); i++) {
            if (normalized.get(i).equals(n)) {
                next = i + 1;
                return script.steps().get(i);
            }
        }
        if (next < normalized.size()) {
            return script.steps().get(next++);
        }
        return null;
    }

    SourceSpan whole() {
        return whole;
    }

    static String normalize(String sql) {
        return sql.replaceAll("(?m)--[^\n]*$", " ").replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("\\s+", " ")
                .replaceAll("\\s*;\\s*$", "").strip().toLowerCase(Locale.ROOT);
    }
}
