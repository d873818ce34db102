package dev.lifeguard.maven;

import dev.lifeguard.cli.Environment;
import dev.lifeguard.cli.Main;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lifeguard:lint}: lints the project's migrations as {@code lifeguard lint} does, in the build. The
 * findings go to the build log in the text format, the SARIF report to {@code target/lifeguard.sarif} (for
 * code scanning), and the build fails when a finding is at least as severe as {@code failOn}. Bound to the
 * {@code verify} phase; every option of the command line has a parameter of the same name, and the project's
 * {@code lifeguard.yml} applies as it does on the command line (the project's directory is the working one).
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public final class LintMojo extends AbstractMojo {
    /** Files, directories or globs to lint, relative to the project (default: lifeguard.yml's, else the project). */
    @Parameter(property = "lifeguard.paths")
    List<String> paths = new ArrayList<>();

    /** postgresql, mysql, mariadb, oracle, sqlserver, h2 or generic (default: detected, else postgresql). */
    @Parameter(property = "lifeguard.dialect")
    String dialect;

    /** The least severity that fails the build: error (default), warning or never. */
    @Parameter(property = "lifeguard.failOn", defaultValue = "error")
    String failOn;

    /** Globs, relative to the project root, of files to leave out. */
    @Parameter
    List<String> excludes = new ArrayList<>();

    /** Application code to check drops and renames against (default: the src/main trees beside the migrations). */
    @Parameter
    List<String> code;

    /** The database version the migrations must be safe on: postgresql:11, mysql:8.0.11, or 11. */
    @Parameter(property = "lifeguard.targetVersion")
    String targetVersion;

    /** The settings file (default: the nearest lifeguard.yml upwards from the project). */
    @Parameter(property = "lifeguard.config")
    File config;

    /** Review only what changed since the merge base with this git revision. */
    @Parameter(property = "lifeguard.since")
    String since;

    /** Report only findings not recorded in this baseline file (written by 'lifeguard baseline'). */
    @Parameter(property = "lifeguard.baseline")
    File baseline;

    /** The SARIF run's code-scanning category (default lifeguard/DIALECT). */
    @Parameter(property = "lifeguard.category")
    String category;

    /** Where the SARIF report is written. */
    @Parameter(property = "lifeguard.sarif", defaultValue = "${project.build.directory}/lifeguard.sarif")
    File sarif;

    /** Skips the check. */
    @Parameter(property = "lifeguard.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Lifeguard: skipped");
            return;
        }
        try {
            Files.createDirectories(sarif.toPath().toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot create the directory of " + sarif + ": " + e.getMessage(), e);
        }
        // The report for the build log, then the same findings as SARIF (the second run reuses the warm JVM).
        Run text = lint(List.of("--fail-on", "never"));
        text.out.lines().forEach(line -> getLog().info(line));
        logErrors(text.err);
        if (text.code == 2) {
            throw new MojoExecutionException("Lifeguard could not lint the migrations: " + firstLine(text.err));
        }
        List<String> sarifArgs = new ArrayList<>(List.of("--format", "sarif", "--output", sarif.getAbsolutePath(),
                "--fail-on", failOn));
        if (category != null) {
            sarifArgs.addAll(List.of("--category", category));
        }
        Run run = lint(sarifArgs);
        if (run.code == 2) {
            logErrors(run.err);
            throw new MojoExecutionException("Lifeguard could not lint the migrations: " + firstLine(run.err));
        }
        getLog().info("Lifeguard: SARIF report written to " + sarif);
        if (run.code == 1) {
            throw new MojoFailureException("Lifeguard found migrations with findings at or above '" + failOn
                    + "' (see above, or " + sarif + "); set failOn (warning, error, never) to change what fails the build");
        }
    }

    /** The command line this configuration means: lint, the common options, then {@code extra}. */
    List<String> arguments(List<String> extra) {
        List<String> args = new ArrayList<>(List.of("lint"));
        if (dialect != null) {
            args.addAll(List.of("--dialect", dialect));
        }
        for (String exclude : excludes) {
            args.addAll(List.of("--exclude", exclude));
        }
        if (targetVersion != null) {
            args.addAll(List.of("--target-version", targetVersion));
        }
        if (config != null) {
            args.addAll(List.of("--config", config.getAbsolutePath()));
        }
        if (since != null) {
            args.addAll(List.of("--since", since));
        }
        if (baseline != null) {
            args.addAll(List.of("--baseline", baseline.getAbsolutePath()));
        }
        args.addAll(extra);
        if (code != null && !code.isEmpty()) {
            args.add("--code");
            args.addAll(code);
        }
        args.add("--");
        args.addAll(paths);
        return args;
    }

    private record Run(int code, String out, String err) {
    }

    private Run lint(List<String> extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment environment = new Environment(basedir.toPath(), System.getenv(), false);
        List<String> args = arguments(extra);
        getLog().debug("lifeguard " + String.join(" ", args));
        int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void logErrors(String err) {
        err.lines().filter(l -> !l.isBlank()).forEach(line -> {
            if (line.startsWith("lifeguard: dialect:")) {
                getLog().info(line);
            } else {
                getLog().warn(line);
            }
        });
    }

    private static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("(no message)");
    }
}
