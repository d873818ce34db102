package dev.lifeguard.cli.report;

import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.docs.RuleDocs;

import java.util.LinkedHashSet;
import java.util.Locale;

/** A rule as SARIF describes it: the help GitHub shows next to every alert of that rule. */
final class SarifRules {
    private SarifRules() {
    }

    static ReportingDescriptor descriptor(RuleMetadata rule, DocsSite docs) {
        ReportingDescriptor d = new ReportingDescriptor()
                .withId(rule.id())
                .withName(pascalCase(rule.id()))
                .withShortDescription(new MultiformatMessageString().withText(sentence(rule.summary())))
                .withFullDescription(new MultiformatMessageString()
                        .withText(sentence(rule.summary()) + " " + sentence(rule.help())))
                .withHelpUri(java.net.URI.create(docs.page(rule)))
                .withHelp(new MultiformatMessageString().withText(RuleDocs.plainText(rule)).withMarkdown(RulePages.markdown(rule)))
                .withDefaultConfiguration(new ReportingConfiguration()
                        .withLevel(SarifReporter.configurationLevel(rule.severity()))
                        .withEnabled(null)
                        .withRank(null));
        // What GitHub code scanning reads besides the help: tags to filter by, how sure the rule is, and the
        // severity of a non-security alert. No security-severity: these are not security findings.
        PropertyBag properties = new PropertyBag()
                .withAdditionalProperty("precision", RulePrecision.of(rule.id()))
                .withAdditionalProperty("problem.severity", problemSeverity(rule.severity()));
        if (!rule.tags().isEmpty()) {
            properties.withTags(new LinkedHashSet<>(rule.tags()));
        }
        return d.withProperties(properties);
    }

    /** GitHub's names for the severity of a non-security alert. */
    static String problemSeverity(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "recommendation";
        };
    }

    /** "rename-column" becomes "RenameColumn": SARIF wants rule names as identifiers. */
    static String pascalCase(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    /** SARIF messages are sentences: they end with a period (rule summaries deliberately do not). */
    static String sentence(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String t = text.strip();
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' ? t : t + ".";
    }
}
