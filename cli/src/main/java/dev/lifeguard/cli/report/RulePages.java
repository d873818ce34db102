package dev.lifeguard.cli.report;

import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.docs.RuleDocs;

import java.util.regex.Pattern;

/** A rule's docs page as users read it outside the repository (terminal, code-scanning alert). */
public final class RulePages {
    /** The generated page opens with an HTML comment for maintainers ("generated, do not edit"). */
    private static final Pattern BANNER = Pattern.compile("\\A\\s*<!--.*?-->\\s*", Pattern.DOTALL);

    private RulePages() {
    }

    /** The page's markdown without the maintainers' banner. */
    public static String markdown(RuleMetadata rule) {
        return BANNER.matcher(RuleDocs.markdown(rule)).replaceFirst("");
    }
}
