package dev.lifeguard.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * What the user sees when something escaped every other handler (a bug, or the JVM running out of memory or
 * stack): one line on stderr and exit code 2, so CI never reads a crash as "findings" (exit 1). The stack
 * trace is printed only under {@code LIFEGUARD_DEBUG=1}.
 */
final class LastResort {
    private LastResort() {
    }

    static int report(Throwable t, PrintStream err, boolean debug) {
        return report(t, new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true), debug);
    }

    static int report(Throwable t, PrintWriter err, boolean debug) {
        try {
            err.println("lifeguard: " + describe(t) + (debug ? "" : " (set LIFEGUARD_DEBUG=1 to see the stack trace)"));
            if (debug) {
                t.printStackTrace(err);
            }
            err.flush();
        } catch (Throwable ignored) {
            // nothing more can be said: the exit code still tells
        }
        return ExitCode.USAGE_OR_TOOL_ERROR;
    }

    /** The failure in words, without the Java class name a user cannot act on. */
    static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory (raise it with LIFEGUARD_JAVA_OPTS=-Xmx4g, or exclude the largest files)";
        }
        if (t instanceof StackOverflowError) {
            return "internal error: input nested too deeply to read";
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return "internal error";
        }
        int nl = m.indexOf('\n');
        return "internal error: " + (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
