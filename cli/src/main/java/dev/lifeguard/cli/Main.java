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
        Streams streams = new Streams(out, err);
        // 'lint' with plain options skips picocli's start-up cost; everything else (and every mistake) goes to picocli
        return QuickLint.run(args, streams, environment, LintRunner.PROJECT_LOADER)
                .orElseGet(() -> LifeguardCommand.commandLine(streams, environment).execute(args));
    }
}
