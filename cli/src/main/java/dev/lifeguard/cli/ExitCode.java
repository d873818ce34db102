package dev.lifeguard.cli;

/** The exit codes documented on the root command. */
final class ExitCode {
    static final int CLEAN = 0;
    static final int FINDINGS = 1;
    static final int USAGE_OR_TOOL_ERROR = 2;

    private ExitCode() {
    }
}
