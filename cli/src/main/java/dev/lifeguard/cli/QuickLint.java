package dev.lifeguard.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code lifeguard lint} with plain options, read without picocli: the command a pre-commit hook, an editor
 * or CI runs on every change, where start-up is the product. Picocli is compiled for Java 5, and the JVM's
 * class-data-sharing and AOT caches skip classes that old, so the ~170 classes it loads and reflects over
 * cost about as much as the whole lint of a small file. This reads the same options into the same
 * {@link LintCommand} fields and runs it; anything it does not recognise, or any value it cannot convert,
 * is left to picocli ({@link #run} returns empty), which then gives the usual help, messages and hints.
 */
final class QuickLint {
    private QuickLint() {
    }

    /** The exit code of the lint run, or empty when picocli should read these arguments. */
    static Optional<Integer> run(String[] args, Streams streams, Environment environment, LintRunner.Loader loader) {
        if (args.length == 0 || !args[0].equals("lint")) {
            return Optional.empty();
        }
        LintCommand lint = new LintCommand(streams, environment, loader);
        if (!read(args, lint)) {
            return Optional.empty();
        }
        PrintWriter err = new PrintWriter(streams.err(), true, StandardCharsets.UTF_8);
        try {
            return Optional.of(lint.call());
        } catch (Exception e) {
            return Optional.of(LifeguardCommand.failure(err, "lifeguard lint", e, environment));
        }
    }

    /** Fills the command's fields as picocli would; false at the first argument it leaves to picocli. */
    static boolean read(String[] args, LintCommand lint) {
        List<String> paths = new ArrayList<>();
        boolean onlyPaths = false;
        try {
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (onlyPaths || !arg.startsWith("-") && !arg.startsWith("@")) {
                    paths.add(arg);
                    continue;
                }
                if (arg.equals("--")) {
                    onlyPaths = true;
                    continue;
                }
                if (arg.equals("--staged")) {
                    lint.change.staged = true;
                    continue;
                }
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (!takesValue(name)) {
                    return false; // --help, --version, --code (greedy arity), short clusters, @files, mistakes
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        return false;
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "--format" -> lint.report.format = Options.lowerCase(OutputFormat.class, value);
                    case "-o", "--output" -> lint.report.output = Path.of(value);
                    case "--fail-on" -> lint.report.failOn = Options.lowerCase(FailOn.class, value);
                    case "--category" -> lint.report.category = value;
                    case "--since" -> lint.change.since = value;
                    case "--baseline" -> lint.baseline = Path.of(value);
                    case "--dialect" -> lint.project.dialect = Options.dialect(value);
                    case "--exclude" -> lint.project.excludes.add(value);
                    case "--target-version" -> lint.project.targetVersion = value;
                    case "--config" -> lint.project.configFile = Path.of(value);
                    default -> {
                        return false;
                    }
                }
            }
        } catch (RuntimeException e) {
            return false; // a value picocli rejects with its own message (a bad enum, a path that is no path)
        }
        lint.project.paths.addAll(paths);
        return true;
    }

    private static boolean takesValue(String name) {
        return switch (name) {
            case "--format", "-o", "--output", "--fail-on", "--category", "--since", "--baseline", "--dialect",
                 "--exclude", "--target-version", "--config" -> true;
            default -> false;
        };
    }
}
