package dev.lifeguard.cli;

import picocli.CommandLine.Option;

/** Which change is under review (git), shared by {@code lint} and {@code verify}. */
final class ChangeOptions {
    @Option(names = "--since", paramLabel = "GIT_REF",
            description = "Check only migrations added or modified since the merge base with GIT_REF (all are still"
                    + " replayed for context; in a Liquibase changelog, only its new or changed changeSets), and"
                    + " check the change itself: edited applied migrations, versions reused or out of order, code"
                    + " and schema in one change.")
    String since;

    @Option(names = "--staged",
            description = "Check the migrations staged in git, as the index holds them (for a pre-commit hook),"
                    + " and check the staged change like --since HEAD.")
    boolean staged;
}
