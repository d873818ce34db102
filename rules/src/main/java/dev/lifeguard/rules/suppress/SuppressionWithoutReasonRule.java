package dev.lifeguard.rules.suppress;

import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.SuppressionContext;

import java.util.List;

/**
 * A suppression must say why: the reason is what the next reviewer reads, and it becomes the SARIF
 * justification. The comment still suppresses; only the missing reason is reported.
 */
@RuleInfo(
        id = "suppression-without-reason",
        summary = "A lifeguard:ignore comment gives no reason",
        severity = Severity.WARNING,
        tags = {"suppression"},
        help = "Write why the finding is safe here after the rule ids: -- lifeguard:ignore rule-id the table holds 20 rows")
public final class SuppressionWithoutReasonRule implements Rule {

    @Override
    public void visitSuppressions(SuppressionContext ctx) {
        for (SuppressionUse use : ctx.suppressions()) {
            SuppressionDirective d = use.directive();
            if (!d.hasReason() && !d.ruleIds().isEmpty()) {
                String directive = d.fileWide() ? Suppressions.IGNORE_FILE : Suppressions.IGNORE;
                ctx.report(d.span(), directive + " " + String.join(Suppressions.ID_SEPARATOR, d.ruleIds())
                        + " gives no reason", null, null, List.of());
            }
        }
    }
}
