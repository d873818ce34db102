package dev.lifeguard.cli;

import java.io.PrintStream;

/** Where a command writes: standard output for results, standard error for everything else. */
record Streams(PrintStream out, PrintStream err) {
}
