package dev.lifeguard.cli;

import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.rehearsal.RehearsalRules;
import dev.lifeguard.cli.report.RulePages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code lifeguard explain RULE}: the rule's docs page, the text of docs/rules/RULE.md. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Show a rule's full help: why it matters and the safe alternative.")
final class ExplainCommand implements Callable<Integer> {
    private final Streams streams;

    @Parameters(paramLabel = "RULE", description = "A rule id, as listed by 'lifeguard rules'.")
    String ruleId;

    ExplainCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws UsageException {
        List<RuleMetadata> rules = new java.util.ArrayList<>(BuiltinRules.all().stream().map(Rule::metadata).toList());
        rules.addAll(RehearsalRules.metadata()); // what lifeguard verify finds: metadata only, nothing of verify loads
        RuleMetadata rule = rules.stream().filter(r -> r.id().equals(ruleId)).findFirst().orElse(null);
        if (rule == null) {
            String guess = DidYouMean.closest(ruleId, rules.stream().map(RuleMetadata::id).toList());
            throw new UsageException("unknown rule '" + ruleId + "'" + (guess == null ? "" : " (did you mean '" + guess + "'?)"),
                    "try 'lifeguard rules' for the list of rules");
        }
        streams.out().print(RulePages.markdown(rule));
        streams.out().flush();
        return ExitCode.CLEAN;
    }
}
