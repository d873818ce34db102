package dev.lifeguard.rules;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Everything about a rule that is not code, in one place (after error-prone's {@code @BugPattern}).
 * Longer prose lives in the markdown sidecar {@code dev/lifeguard/rules/docs/<id>.md}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** Stable kebab-case id: the SARIF ruleId, the suppression key and the docs page name. */
    String id();

    /** One line, no trailing period. */
    String summary();

    Severity severity();

    /** The dialects the rule applies to; empty means all. */
    Dialect[] dialects() default {};

    String[] tags() default {};

    String since() default "0.1.0";

    /** One line: the safe alternative a developer can act on. */
    String help();
}
