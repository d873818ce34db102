package dev.lifeguard.rules;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;

import java.util.List;
import java.util.Set;

/** A rule's metadata as reporters and docs see it. */
public record RuleMetadata(String id, String summary, Severity severity, Set<Dialect> dialects, List<String> tags,
                           String since, String help) {

    public RuleMetadata {
        dialects = Set.copyOf(dialects);
        tags = List.copyOf(tags);
    }

    public static RuleMetadata of(Class<?> ruleClass) {
        RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo");
        }
        return new RuleMetadata(info.id(), info.summary(), info.severity(), Set.of(info.dialects()),
                List.of(info.tags()), info.since(), info.help());
    }

    public boolean appliesTo(Dialect dialect) {
        return dialects.isEmpty() || dialects.contains(dialect);
    }

    /** Where the generated docs page lives in the repository. */
    public String docsPath() {
        return "docs/rules/" + id + ".md";
    }
}
