package dev.lifeguard.intellij.problems;

import dev.lifeguard.rules.RuleMetadata;

/**
 * Where a rule's page is on the web, for the link next to each finding: the generated page in Lifeguard's
 * repository, as {@code lifeguard lint} links it by default.
 */
public final class RulePages {
    static final String BASE = "https://github.com/lifeguard-dev/lifeguard/blob/main/";

    private RulePages() {
    }

    public static String url(RuleMetadata rule) {
        return BASE + rule.docsPath();
    }
}
