package dev.lifeguard.cli;

import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.engine.LintResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code lifeguard baseline}: lints as {@code lifeguard lint} does and writes the findings' fingerprints to
 * a file, so that {@code lifeguard lint --baseline FILE} reports only findings that are new since.
 */
@Command(name = "baseline",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
                "Write the current findings to a baseline file, so that 'lifeguard lint --baseline FILE' fails only"
                        + " on new ones.",
                "",
                "Findings are recorded by fingerprint, which does not change when lines are added above them."
                        + " Suppressed findings are not recorded. Exits with 0 once the file is written."})
final class BaselineCommand implements Callable<Integer> {
    private final Streams streams;
    private final Environment environment;
    private final LintRunner.Loader loader;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "The baseline file to write (default: " + Baseline.DEFAULT_FILE + ").")
    Path output = Path.of(Baseline.DEFAULT_FILE);

    BaselineCommand(Streams streams, Environment environment, LintRunner.Loader loader) {
        this.streams = streams;
        this.environment = environment;
        this.loader = loader;
    }

    @Override
    public Integer call() throws Exception {
        // The same paths, root and reading as 'lint', so both see the same findings and fingerprints.
        LintCommand lint = new LintCommand(streams, environment, loader);
        lint.project = project;
        LintConfig config = lint.config();
        LintResult result = new LintRunner(streams, environment, loader).lint(config, BuiltinRules.all());
        Path file = environment.workingDirectory().resolve(output).normalize();
        int written;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            written = Baseline.write(result, out);
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + e.getMessage(), null);
        }
        streams.err().println("lifeguard: wrote " + written + " finding" + (written == 1 ? "" : "s") + " to " + output);
        return ExitCode.CLEAN;
    }
}
