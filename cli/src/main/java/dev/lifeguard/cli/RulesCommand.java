package dev.lifeguard.cli;

import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.rehearsal.RehearsalRules;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lifeguard rules}: one line per built-in rule. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "List the built-in rules: id, default severity and summary.")
final class RulesCommand implements Callable<Integer> {
    private final Streams streams;

    RulesCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        List<RuleMetadata> rules = BuiltinRules.all().stream().map(Rule::metadata).toList();
        List<RuleMetadata> rehearsal = RehearsalRules.metadata();
        int idWidth = Math.max("ID".length(), java.util.stream.Stream.concat(rules.stream(), rehearsal.stream())
                .mapToInt(r -> r.id().length()).max().orElse(0));
        String row = "%-" + idWidth + "s  %-8s  %s%n";
        PrintStream out = streams.out();
        out.printf(row, "ID", "SEVERITY", "SUMMARY");
        for (RuleMetadata r : rules) {
            out.printf(row, r.id(), r.severity().id(), r.summary());
        }
        out.printf("%nFound by 'lifeguard verify' (rehearsing the change on a real database):%n");
        for (RuleMetadata r : rehearsal) {
            out.printf(row, r.id(), r.severity().id(), r.summary());
        }
        out.printf("%n%d rule%s; 'lifeguard explain RULE' shows one rule's full help.%n", rules.size(), rules.size() == 1 ? "" : "s");
        out.flush();
        return ExitCode.CLEAN;
    }
}
