package dev.lifeguard.rules;

import dev.lifeguard.analyzer.model.SourceSpan;

/** Another place a finding concerns (the first of two duplicate versions, a code reference). */
public record RelatedLocation(SourceSpan span, String message) {
}
