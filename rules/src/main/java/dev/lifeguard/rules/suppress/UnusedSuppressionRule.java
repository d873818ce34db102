package dev.lifeguard.rules.suppress;

import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.SuppressionContext;

import java.util.List;

/**
 * A suppression that names no rule, an unknown rule, or a rule that found nothing where it stands (as
 * squawk's unused-ignore and ruff's RUF100 / RUF102). A stale suppression would silently waive the
 * next hazard written there; a misspelt one waives nothing while looking as if it did.
 */
@RuleInfo(
        id = "unused-suppression",
        summary = "A lifeguard:ignore comment names an unknown rule or suppresses nothing",
        severity = Severity.WARNING,
        tags = {"suppression"},
        help = "Remove the comment, or fix the rule id (lifeguard rules lists them) and put it right before the statement, changeSet or line it is meant for")
public final class UnusedSuppressionRule implements Rule {

    @Override
    public void visitSuppressions(SuppressionContext ctx) {
        for (SuppressionUse use : ctx.suppressions()) {
            SuppressionDirective d = use.directive();
            String directive = d.fileWide() ? Suppressions.IGNORE_FILE : Suppressions.IGNORE;
            if (d.ruleIds().isEmpty()) {
                ctx.report(d.span(), directive + " names no rule id, so it suppresses nothing", null, null, List.of());
                continue;
            }
            for (String id : d.ruleIds()) {
                if (!ctx.isKnown(id)) {
                    ctx.report(d.span(), directive + " names unknown rule '" + id + "'", null, null, List.of());
                } else if (ctx.isRunning(id) && !use.usedIds().contains(id)) {
                    String where = d.fileWide() ? "in this file" : "on the statement, changeSet or line after it";
                    ctx.report(d.span(), directive + " " + id + " suppresses nothing: no " + id + " finding " + where,
                            null, null, List.of());
                }
            }
        }
    }
}
