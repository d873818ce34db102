package dev.lifeguard.rules.docs;

import dev.lifeguard.rules.RuleMetadata;

/**
 * A rule's documentation page, rendered from its metadata and markdown sidecar. The same text is the
 * generated docs/rules/&lt;id&gt;.md, the output of {@code lifeguard explain}, and SARIF help.markdown.
 */
public final class RuleDocs {
    private RuleDocs() {
    }

    /** The full page in markdown. */
    public static String markdown(RuleMetadata rule) {
        return "# " + rule.id() + "\n\n" + rule.summary() + ".\n\n## Safe alternative\n\n" + rule.help() + ".\n";
    }
}
