package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.rules.RuleMetadata;

import java.util.List;

/** The finding kinds of {@code lifeguard verify}, sorted by id. A contract test checks this list against the classes. */
public final class RehearsalRules {
    /**
     * The ids alone, for lint (suppressions and lifeguard.yml may name them): no rule class is loaded or read for
     * them, so lint's start-up does not pay for verify. A test checks they are the ids of {@link #all()}.
     */
    public static final List<String> IDS = List.of("blocks-reads", "blocks-writes", "fails-on-existing-data",
            "history-fails", "migration-fails", "not-reapplyable", "reverse-fails", "reverse-incomplete", "rewrites-table",
            "seed-incomplete");

    private RehearsalRules() {
    }

    public static List<RehearsalRule> all() {
        return List.of(
                new BlocksReadsRule(),
                new BlocksWritesRule(),
                new FailsOnExistingDataRule(),
                new HistoryFailsRule(),
                new MigrationFailsRule(),
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
