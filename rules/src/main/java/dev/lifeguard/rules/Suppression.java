package dev.lifeguard.rules;

import dev.lifeguard.analyzer.model.SourceSpan;

/**
 * Why a finding is not counted: a {@code lifeguard:ignore} comment in the source (SARIF's
 * {@code inSource}). Suppressed findings stay in the JSON and SARIF reports, marked, so a reviewer can
 * still see what was waived and why.
 *
 * @param kind          how it was suppressed
 * @param justification the reason written in the comment (empty when the comment gives none)
 * @param location      the suppression comment
 */
public record Suppression(Kind kind, String justification, SourceSpan location) {

    public enum Kind {
        IN_SOURCE("inSource");

        private final String sarifName;

        Kind(String sarifName) {
            this.sarifName = sarifName;
        }

        /** The SARIF {@code suppression.kind} value. */
        public String sarifName() {
            return sarifName;
        }
    }

    public Suppression {
        justification = justification == null ? "" : justification;
    }

    public static Suppression inSource(String justification, SourceSpan location) {
        return new Suppression(Kind.IN_SOURCE, justification, location);
    }
}
