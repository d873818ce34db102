package dev.lifeguard.rules.docs;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.rules.RuleMetadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A rule's documentation page, rendered from its metadata and markdown sidecar. The same text is the
 * generated docs/rules/&lt;id&gt;.md, the output of {@code lifeguard explain}, and SARIF help.markdown.
 */
public final class RuleDocs {
    /** The sections every sidecar has, in this order. */
    public static final List<String> SECTIONS = List.of("Why it is dangerous", "Safe alternative", "Liquibase", "Examples");

    /** How to bring docs/rules up to date; printed wherever stale docs are noticed. */
    public static final String REGENERATE = "mvn -B -pl rules -am test -Dlifeguard.docs.write=true";

    private static final String SIDECAR_DIR = "dev/lifeguard/rules/docs/";

    private RuleDocs() {
    }

    /** The full page in markdown. */
    public static String markdown(RuleMetadata rule) {
        return "<!-- Generated from the rule's @RuleInfo and " + sidecarPath(rule) + ". Do not edit: run `"
                + REGENERATE + "`. -->\n\n"
                + "# " + rule.id() + "\n\n"
                + rule.summary() + ".\n\n"
                + "| severity | dialects | tags | since |\n"
                + "|---|---|---|---|\n"
                + "| " + rule.severity().id() + " | " + dialects(rule) + " | " + String.join(", ", rule.tags())
                + " | " + rule.since() + " |\n\n"
                + "**In short:** " + rule.help() + ".\n\n"
                + sidecar(rule.id()).orElse("").strip() + "\n";
    }

    /** The page as plain text (SARIF help.text): headings and code fences dropped, the words kept. */
    public static String plainText(RuleMetadata rule) {
        StringBuilder out = new StringBuilder();
        out.append(rule.summary()).append(".\n\n").append("In short: ").append(rule.help()).append(".\n");
        for (String line : sidecar(rule.id()).orElse("").strip().split("\n", -1)) {
            if (line.startsWith("```") || line.matches("\\|[-|]+\\|")) {
                continue;
            }
            if (line.startsWith("### ")) {
                out.append('\n').append(line.substring(4)).append(":\n"); // a subsection: its title, as a lead-in
            } else if (line.startsWith("## ")) {
                out.append('\n').append(line.substring(3).toUpperCase(java.util.Locale.ROOT)).append('\n');
            } else {
                out.append(line.replace("`", "")).append('\n');
            }
        }
        return out.toString().strip() + "\n";
    }

    /** The sidecar markdown of a rule, if it has one. */
    public static Optional<String> sidecar(String id) {
        try (InputStream in = RuleDocs.class.getClassLoader().getResourceAsStream(SIDECAR_DIR + id + ".md")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sidecar's level-2 headings, in order. */
    public static List<String> sections(String sidecar) {
        return sidecar.lines().filter(l -> l.startsWith("## ")).map(l -> l.substring(3).strip()).toList();
    }

    static String sidecarPath(RuleMetadata rule) {
        return "rules/src/main/resources/" + SIDECAR_DIR + rule.id() + ".md";
    }

    static String dialects(RuleMetadata rule) {
        return rule.dialects().isEmpty() ? "all"
                : rule.dialects().stream().sorted().map(Dialect::id).collect(Collectors.joining(", "));
    }
}
