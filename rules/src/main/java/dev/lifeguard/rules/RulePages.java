package dev.lifeguard.rules;

/**
 * Where users read a rule's page: a web address, since a path such as {@code docs/rules/x.md} exists only in
 * Lifeguard's repository, not in the user's (where it may even point into the user's own {@code docs/}).
 * By default the page in Lifeguard's repository at the tag of the running release ({@code main} for a
 * development build); a team with its own copy of the docs sets {@code docs-url:} in lifeguard.yml or
 * {@code LIFEGUARD_DOCS_URL}. The one link source of every report and both editors.
 *
 * @param base the address rule ids are appended to, ending in '/'; a page is {@code base + id + ".md"}
 */
public record RulePages(String base) {
    /** Lifeguard's home: its repository, whose {@code docs/} holds the generated rule pages. */
    public static final String REPOSITORY = "https://github.com/lifeguard-dev/lifeguard";
    /** The environment variable that names another docs site. */
    public static final String ENVIRONMENT = "LIFEGUARD_DOCS_URL";

    public RulePages {
        base = base.endsWith("/") ? base : base + "/";
    }

    /** The pages of the given Lifeguard version: its release tag, or main for a development build. */
    public static RulePages forVersion(String version) {
        String ref = version == null || version.equals("unknown") || version.endsWith("-SNAPSHOT") ? "main" : "v" + version;
        return new RulePages(REPOSITORY + "/blob/" + ref + "/docs/rules/");
    }

    /** The configured base if there is one (lifeguard.yml's docs-url:, else the environment's), else the default. */
    public static RulePages choose(String configured, String environment, String version) {
        if (configured != null && !configured.isBlank()) {
            return new RulePages(configured.strip());
        }
        if (environment != null && !environment.isBlank()) {
            return new RulePages(environment.strip());
        }
        return forVersion(version);
    }

    /** The rule's page. */
    public String page(RuleMetadata rule) {
        return page(rule.id());
    }

    public String page(String ruleId) {
        return base + ruleId + ".md";
    }
}
