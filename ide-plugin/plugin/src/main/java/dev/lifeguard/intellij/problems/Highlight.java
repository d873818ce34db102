package dev.lifeguard.intellij.problems;

import dev.lifeguard.analyzer.model.Severity;

/** How strongly the editor marks a finding: Lifeguard's severity in the IDE's three levels. */
public enum Highlight {
    ERROR,
    WARNING,
    WEAK_WARNING;

    public static Highlight of(Severity severity) {
        return switch (severity) {
            case ERROR -> ERROR;
            case WARNING -> WARNING;
            default -> WEAK_WARNING;
        };
    }
}
