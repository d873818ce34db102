package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Fix;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleMetadata;

import java.util.List;

/** Where a rule's findings go; each context reports on behalf of the rule being run. */
abstract class FindingSink {
    private final Rule rule;
    private final RuleMetadata metadata;
    private final List<Finding> out;
    private final EngineOptions options;

    FindingSink(Rule rule, RuleMetadata metadata, List<Finding> out, EngineOptions options) {
        this.rule = rule;
        this.metadata = metadata;
        this.out = out;
        this.options = options;
    }

    Rule rule() {
        return rule;
    }

    public RuleMetadata metadata() {
        return metadata;
    }

    public EngineOptions options() {
        return options;
    }

    /** Reports a finding with the rule's own help. */
    public void report(SourceSpan span, String message) {
        report(span, message, metadata.help(), null, List.of());
    }

    /** Reports a finding with concrete help (the exact statements to write) and, optionally, a fix. */
    public void report(SourceSpan span, String message, String help, Fix fix, List<RelatedLocation> related) {
        out.add(new Finding(metadata, options.severityOf(metadata), message, span,
                help == null ? metadata.help() : help, related, fix, null));
    }
}
