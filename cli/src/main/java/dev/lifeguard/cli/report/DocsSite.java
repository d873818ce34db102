package dev.lifeguard.cli.report;

import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.RulePages;

/**
 * Where the reports link a rule's page: {@link RulePages}, the link source the editors use too (see there).
 *
 * @param base the address rule ids are appended to, ending in '/'; a page is {@code base + id + ".md"}
 */
public record DocsSite(String base) {
    /** Lifeguard's home: its repository, whose {@code docs/} holds the generated rule pages. */
    public static final String REPOSITORY = RulePages.REPOSITORY;

    public DocsSite {
        base = new RulePages(base).base();
    }

    /** The pages of the given Lifeguard version: its release tag, or main for a development build. */
    public static DocsSite forVersion(String version) {
        return new DocsSite(RulePages.forVersion(version).base());
    }

    /** The configured base if there is one (lifeguard.yml's docs-url:, else the environment's), else the default. */
    public static DocsSite choose(String configured, String environment, String version) {
        return new DocsSite(RulePages.choose(configured, environment, version).base());
    }

    /** The rule's page. */
    public String page(RuleMetadata rule) {
        return page(rule.id());
    }

    public String page(String ruleId) {
        return new RulePages(base).page(ruleId);
    }
}
