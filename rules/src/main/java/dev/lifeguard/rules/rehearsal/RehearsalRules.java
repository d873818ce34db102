package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.rules.RuleMetadata;

import java.util.List;

/** The finding kinds of {@code lifeguard verify}, sorted by id. A contract test checks this list against the classes. */
public final class RehearsalRules {
    private RehearsalRules() {
    }

    public static List<RehearsalRule> all() {
        return List.of(
                new BlocksReadsRule(),
                new BlocksWritesRule(),
                new BreaksRunningVersionRule(),
                new CodeNotCheckedRule(),
                new FailsOnExistingDataRule(),
                new HistoryFailsRule(),
                new MigrationFailsRule(),
                new NeedsMigrationFirstRule(),
                new NotReapplyableRule(),
                new ReverseFailsRule(),
                new ReverseIncompleteRule(),
                new RewritesTableRule(),
                new SeedIncompleteRule()
        );
    }

    public static List<RuleMetadata> metadata() {
        return all().stream().map(RehearsalRule::metadata).toList();
    }
}
