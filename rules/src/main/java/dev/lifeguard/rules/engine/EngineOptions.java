package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleMetadata;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * How to run the rules.
 *
 * @param severities per-rule severity overrides by id
 * @param disabled   rule ids not to run
 * @param newFiles   files new in the change under review (relative to the root): tables they create
 *                   are empty and unused in production, like tables created in the same migration
 */
public record EngineOptions(Map<String, Severity> severities, Set<String> disabled, Set<Path> newFiles) {

    public EngineOptions {
        severities = Map.copyOf(severities);
        disabled = Set.copyOf(disabled);
        newFiles = Set.copyOf(newFiles);
    }

    public static EngineOptions defaults() {
        return new EngineOptions(Map.of(), Set.of(), Set.of());
    }

    Severity severityOf(RuleMetadata rule) {
        return severities.getOrDefault(rule.id(), rule.severity());
    }
}
