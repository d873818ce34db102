package dev.lifeguard.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One run of the command line with captured output. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(Path workingDirectory, Map<String, String> env, LintRunner.Loader loader, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = LifeguardCommand.commandLine(new Streams(o, e), new Environment(workingDirectory, env, false), loader)
                .execute(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** As {@link #run}, through {@link Main#run}: with its last-resort handler and output checks. */
    public static CliRun main(Path workingDirectory, Map<String, String> env, LintRunner.Loader loader,
                              java.io.OutputStream stdout, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = Main.run(args, o, e, new Environment(workingDirectory, env, false), loader);
        return new CliRun(code, stdout.toString(), err.toString(StandardCharsets.UTF_8));
    }

    public List<String> errLines() {
        return err.lines().toList();
    }
}
