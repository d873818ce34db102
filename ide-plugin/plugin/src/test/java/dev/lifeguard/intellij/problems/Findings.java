package dev.lifeguard.intellij.problems;

import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Fix;
import dev.lifeguard.rules.RuleMetadata;

import java.util.List;
import java.util.Set;

/** Findings built by hand, for mapping tests that need exact spans. */
final class Findings {
    private Findings() {
    }

    static Finding at(String ruleId, Severity severity, SourceSpan span, Fix fix) {
        RuleMetadata rule = new RuleMetadata(ruleId, "summary", severity, Set.of(), List.of(), "0.1", "the rule's help");
        return new Finding(rule, severity, "message about " + ruleId, span, "Do the safe thing", List.of(), fix, "fp");
    }

    /** A finding on the first occurrence of {@code needle} in the file, with offsets. */
    static Finding on(SourceFile file, String needle, String ruleId) {
        int start = file.text().indexOf(needle);
        return at(ruleId, Severity.WARNING, file.span(start, start + needle.length()), null);
    }
}
