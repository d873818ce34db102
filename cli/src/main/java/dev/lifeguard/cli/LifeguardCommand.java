package dev.lifeguard.cli;

import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.analyzer.model.Dialect;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/** The root command: only dispatches to the subcommands and documents the exit codes. */
@Command(name = "lifeguard",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Migration safety linter: flags database migrations that break zero-downtime deploys.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:nothing at or above --fail-on was found",
                "1:findings at or above --fail-on were found",
                "2:usage or tool error (bad flag, missing path, unreadable input): one line on stderr"})
final class LifeguardCommand implements Callable<Integer> {
    private final Streams streams;

    private LifeguardCommand(Streams streams) {
        this.streams = streams;
    }

    /** The whole command line, writing to the given streams, with one-line errors and exit code 2. */
    static CommandLine commandLine(Streams streams, Environment environment) {
        return commandLine(streams, environment, LintRunner.PROJECT_LOADER);
    }

    /** As {@link #commandLine(Streams, Environment)}, reading projects with the given loader. */
    static CommandLine commandLine(Streams streams, Environment environment, LintRunner.Loader loader) {
        CommandLine cl = new CommandLine(new LifeguardCommand(streams));
        cl.addSubcommand("lint", new LintCommand(streams, environment, loader));
        cl.addSubcommand("verify", new VerifyCommand(streams, environment, loader));
        cl.addSubcommand("baseline", new BaselineCommand(streams, environment, loader));
        cl.addSubcommand("rules", new RulesCommand(streams));
        cl.addSubcommand("explain", new ExplainCommand(streams));
        cl.addSubcommand("init", new InitCommand(streams, environment, loader));
        cl.addSubcommand("lsp", new LspCommand(streams));
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        cl.registerConverter(Dialect.class, Options::dialect);
        // The last of a repeated option wins: a hook's args: or a plugin's options can override the defaults before them.
        cl.setOverwrittenOptionsAllowed(true);
        cl.setOut(new PrintWriter(streams.out(), true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(streams.err(), true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler((ex, args) -> usageError(ex.getCommandLine(), messageOf(ex), null));
        cl.setExecutionExceptionHandler((ex, command, parseResult) -> failure(command, ex, environment));
        return cl;
    }

    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to do: show how to call it, with the commands there are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(streams.err());
        return ExitCode.USAGE_OR_TOOL_ERROR;
    }

    /** Picocli's message, with a suggestion for a mistyped subcommand or option on the same line. */
    private static String messageOf(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
            List<String> known = List.copyOf(arg.startsWith("-") ? spec.optionsMap().keySet() : spec.subcommands().keySet());
            String guess = DidYouMean.closest(arg.replaceFirst("=.*", ""), known);
            if (guess != null) {
                return ex.getMessage() + " (did you mean '" + guess + "'?)";
            }
        }
        return ex.getMessage();
    }

    private static int failure(CommandLine command, Exception ex, Environment environment) {
        return failure(command.getErr(), command.getCommandSpec().qualifiedName(), ex, environment);
    }

    /** How a command's failure is told: one line (and a hint) for usage errors, a stack trace only when debugging. */
    static int failure(PrintWriter err, String commandName, Exception ex, Environment environment) {
        if (ex instanceof UsageException usage) {
            return usageError(err, commandName, usage.getMessage(), usage.hint());
        }
        if (ex instanceof LoadException) {
            err.println("lifeguard: " + ex.getMessage());
            err.flush();
            return ExitCode.USAGE_OR_TOOL_ERROR;
        }
        // anything else is a bug in Lifeguard, or the system failing under it (a full disk)
        return LastResort.report(ex, err, environment.debug());
    }

    private static int usageError(CommandLine command, String message, String hint) {
        return usageError(command.getErr(), command.getCommandSpec().qualifiedName(), message, hint);
    }

    private static int usageError(PrintWriter err, String commandName, String message, String hint) {
        // one line, as the exit codes promise: the mistake, then what to try
        err.println("lifeguard: " + message + " (" + (hint != null ? hint : "try '" + commandName + " --help'") + ")");
        err.flush();
        return ExitCode.USAGE_OR_TOOL_ERROR;
    }
}
