package dev.lifeguard.rules;

import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.util.List;

/**
 * One problem found.
 *
 * @param rule        the rule that found it
 * @param severity    the effective severity (the rule's default unless configured)
 * @param message     what is wrong here, naming the table/column concerned
 * @param span        where
 * @param help        what to do instead (the rule's help, possibly made concrete)
 * @param related     other places the finding concerns
 * @param fix         a mechanical rewrite, or null
 * @param fingerprint stable identity of the finding across unrelated edits (see {@link dev.lifeguard.rules.engine.Fingerprints})
 * @param suppression why it is not counted (a {@code lifeguard:ignore} comment), or null when it counts
 */
public record Finding(RuleMetadata rule, Severity severity, String message, SourceSpan span, String help,
                      List<RelatedLocation> related, Fix fix, String fingerprint, Suppression suppression) {

    public Finding {
        related = List.copyOf(related);
    }

    /** A finding that counts (not suppressed). */
    public Finding(RuleMetadata rule, Severity severity, String message, SourceSpan span, String help,
                   List<RelatedLocation> related, Fix fix, String fingerprint) {
        this(rule, severity, message, span, help, related, fix, fingerprint, null);
    }

    public boolean isSuppressed() {
        return suppression != null;
    }

    public String ruleId() {
        return rule.id();
    }

    public Finding withFingerprint(String fp) {
        return new Finding(rule, severity, message, span, help, related, fix, fp, suppression);
    }

    public Finding withSuppression(Suppression s) {
        return new Finding(rule, severity, message, span, help, related, fix, fingerprint, s);
    }
}
