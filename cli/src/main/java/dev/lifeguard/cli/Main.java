package dev.lifeguard.cli;

import java.io.PrintStream;

/** Entry point of the {@code lifeguard} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
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
        return LifeguardCommand.commandLine(new Streams(out, err), environment).execute(args);
    }
}
