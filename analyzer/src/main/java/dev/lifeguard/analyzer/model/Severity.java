package dev.lifeguard.analyzer.model;

/** How bad a finding is; the order is from least to most severe. */
public enum Severity {
    NOTE,
    WARNING,
    ERROR;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
