package dev.lifeguard.rules.input;

import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.Spans;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.engine.RunsOn;

import java.util.List;

/**
 * What Lifeguard could not model in a migration it judged, said once per changeSet: the custom changes and
 * extension change types whose effect it does not know, and the preconditions it could not answer (the
 * changeSet was then judged as running). A separate id from parse-error, so a team can acknowledge these
 * (they are by design) while still seeing statements the parser could not read (which it should learn).
 */
@RuleInfo(
        id = "not-checked",
        summary = "A change or precondition Lifeguard cannot model is said, never passed over silently",
        severity = Severity.NOTE,
        tags = {"input"},
        help = "Review it by hand; once checked, suppress this note with a lifeguard:ignore not-checked comment that says why")
public final class NotCheckedRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        Migration m = ctx.migration();
        if (ctx.earlierOperations().isEmpty() && !m.preconditions().isEmpty()) {
            // the schema before the first operation is the schema the preconditions were answered against
            List<String> unanswered = RunsOn.unanswered(m, ctx.dialect(), ctx.schema());
            if (!unanswered.isEmpty()) {
                ctx.report(Spans.firstLine(m.span(), ctx.project()), "not checked: precondition "
                        + String.join("; ", unanswered) + " cannot be answered without the database: changeSet "
                        + m.id() + " is judged as running", null, null, List.of());
            }
        }
        if (ctx.operation() instanceof Operation.NotModelled first
                && ctx.earlierOperations().stream().noneMatch(op -> op instanceof Operation.NotModelled)) {
            List<String> all = m.operations().stream().filter(op -> op instanceof Operation.NotModelled)
                    .map(op -> ((Operation.NotModelled) op).description()).distinct().toList();
            ctx.report(first.span(), "not checked: " + String.join(", ", all)
                    + (all.size() == 1 ? ": its effect" : ": their effect") + " on the schema is not modelled", null, null,
                    List.of());
        }
    }
}
