package dev.lifeguard.rules;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A rule's metadata as reporters and docs see it. */
public record RuleMetadata(String id, String summary, Severity severity, Set<Dialect> dialects, List<String> tags,
                           String since, String help) {

    public RuleMetadata {
        dialects = Set.copyOf(dialects);
        tags = List.copyOf(tags);
    }

    /**
     * The metadata the build wrote for every {@code @RuleInfo} (rules/src/build: RuleIndexProcessor), read without
     * reflecting over annotations, which would cost a dynamic proxy class and an annotation parse per rule at
     * every start-up; absent in a build that skipped that step.
     */
    private static final Function<String, RuleMetadata> INDEX = index();

    private static final ClassValue<RuleMetadata> METADATA = new ClassValue<>() {
        @Override
        protected RuleMetadata computeValue(Class<?> ruleClass) {
            RuleMetadata indexed = INDEX.apply(ruleClass.getName());
            return indexed != null ? indexed : fromAnnotation(ruleClass);
        }
    };

    public static RuleMetadata of(Class<?> ruleClass) {
        return METADATA.get(ruleClass);
    }

    @SuppressWarnings("unchecked")
    private static Function<String, RuleMetadata> index() {
        try {
            return (Function<String, RuleMetadata>) Class.forName(RuleMetadata.class.getPackageName() + ".GeneratedRuleIndex")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return ruleClass -> null;
        }
    }

    /** The metadata as the rule's annotation says it (the index is checked against this by RuleIndexTest). */
    static RuleMetadata fromAnnotation(Class<?> ruleClass) {
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
