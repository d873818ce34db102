package dev.lifeguard.cli;

import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Finding;

import java.util.List;

/** The least severity that makes {@code lifeguard lint} exit with 1. Notes never fail a run. */
public enum FailOn {
    ERROR(Severity.ERROR),
    WARNING(Severity.WARNING),
    NEVER(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** Suppressed findings never fail a run. */
    public boolean failsOn(List<Finding> findings) {
        return threshold != null && findings.stream().anyMatch(f -> !f.isSuppressed() && f.severity().atLeast(threshold));
    }
}
