package dev.lifeguard.verify;

import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.engine.EngineOptions;
import dev.lifeguard.rules.rehearsal.RehearsalRule;

import java.util.ArrayList;
import java.util.List;

/** Collects verify's findings, with the severities and disabled rules of lifeguard.yml applied. */
final class RehearsalFindings {
    private final EngineOptions options;
    private final List<Finding> findings = new ArrayList<>();

    RehearsalFindings(EngineOptions options) {
        this.options = options;
    }

    void add(RehearsalRule rule, SourceSpan span, String message) {
        add(rule.metadata(), span, message, List.of());
    }

    void add(RehearsalRule rule, SourceSpan span, String message, List<RelatedLocation> related) {
        add(rule.metadata(), span, message, related);
    }

    void add(RuleMetadata rule, SourceSpan span, String message, List<RelatedLocation> related) {
        if (options.disabled().contains(rule.id())) {
            return;
        }
        Severity severity = options.severities().getOrDefault(rule.id(), rule.severity());
        findings.add(new Finding(rule, severity, message, span, rule.help(), related, null, null));
    }

    void addAll(List<Finding> more) {
        findings.addAll(more);
    }

    List<Finding> all() {
        return List.copyOf(findings);
    }
}
