package dev.lifeguard.cli;

import java.io.PrintStream;

/** Entry point of the {@code lifeguard} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        System.out.flush();
        System.err.flush();
        // halt, not exit: Lifeguard registers no shutdown hook, and System.exit would start the JDK's logging
        // machinery (Runtime.exit is logged through System.Logger), a cost every short run would pay
        Runtime.getRuntime().halt(code);
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Environment.system());
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, in a given working directory and environment. */
    public static int run(String[] args, PrintStream out, PrintStream err, Environment environment) {
        return run(args, out, err, environment, LintRunner.PROJECT_LOADER);
    }

    /** As above, reading projects with the given loader (tests of the last resort). */
    static int run(String[] args, PrintStream out, PrintStream err, Environment environment, LintRunner.Loader loader) {
        try {
            Streams streams = new Streams(out, err);
            // 'lint' with plain options skips picocli's start-up cost; everything else (and every mistake) goes to
            // picocli. Both run inside this handler and the output check below.
            int code = QuickLint.run(args, streams, environment, loader)
                    .orElseGet(() -> LifeguardCommand.commandLine(streams, environment, loader).execute(args));
            // a PrintStream keeps write errors to itself: a full disk must not pass for a clean, empty report
            if (out.checkError()) {
                err.println("lifeguard: cannot write to standard output (disk full or output closed): the output is incomplete");
                err.flush();
                return ExitCode.USAGE_OR_TOOL_ERROR;
            }
            return code;
        } catch (Throwable t) { // the last resort: whatever escaped (an Error too) is one line and exit 2
            return LastResort.report(t, err, environment.debug());
        }
    }
}
