package dev.lifeguard.cli;

import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.cli.init.PreCommitConfig;
import dev.lifeguard.cli.init.StarterConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code lifeguard init}: a starter {@code lifeguard.yml} at the project root from what discovery finds,
 * and with {@code --pre-commit} Lifeguard's entry in {@code .pre-commit-config.yaml}. Never overwrites a
 * file silently: an existing lifeguard.yml needs {@code --force}, and the pre-commit entry is added to an
 * existing file only when it reads back correctly, else it is printed for the user to add.
 */
@Command(name = "init",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Write a starter lifeguard.yml (detected dialect, migration and code directories) at the project"
                + " root, and with --pre-commit add Lifeguard's hook to .pre-commit-config.yaml.")
final class InitCommand implements Callable<Integer> {
    static final String CONFIG_FILE = "lifeguard.yml";
    static final String PRE_COMMIT_FILE = ".pre-commit-config.yaml";

    private final Streams streams;
    private final Environment environment;
    private final LintRunner.Loader loader;

    @Option(names = "--pre-commit", description = "Also add Lifeguard's hook to .pre-commit-config.yaml.")
    boolean preCommit;

    @Option(names = "--force", description = "Replace an existing lifeguard.yml.")
    boolean force;

    InitCommand(Streams streams, Environment environment, LintRunner.Loader loader) {
        this.streams = streams;
        this.environment = environment;
        this.loader = loader;
    }

    @Override
    public Integer call() throws Exception {
        Path cwd = environment.workingDirectory();
        Path root = ProjectRoot.find(cwd, List.of(cwd));
        PrintStream out = streams.out();
        Path config = root.resolve(CONFIG_FILE);
        boolean exists = Files.exists(config);
        if (exists && !force) {
            if (!preCommit) {
                throw new UsageException(CONFIG_FILE + " already exists at " + root + "; not overwritten",
                        "use 'lifeguard init --force' to replace it");
            }
            out.println("kept " + CONFIG_FILE + ": it already exists (--force replaces it)");
        } else {
            // what lint finds by itself: no test or fixture trees, no loose SQL, proposed as migrations
            Project project = loader.load(new LoadOptions(root, List.of(root.toString()), null, List.of()).discovering());
            write(config, StarterConfig.text(root, project));
            out.println((exists ? "replaced " : "wrote ") + CONFIG_FILE + ": " + project.histories().size()
                    + " migration " + (project.histories().size() == 1 ? "directory" : "directories") + " found");
        }
        return preCommit ? addPreCommitHook(root.resolve(PRE_COMMIT_FILE), out) : ExitCode.CLEAN;
    }

    private int addPreCommitHook(Path file, PrintStream out) throws IOException, UsageException {
        if (!Files.exists(file)) {
            write(file, PreCommitConfig.NEW_FILE);
            out.println("wrote " + PRE_COMMIT_FILE + ": a local hook running '" + PreCommitConfig.ENTRY + "'; run"
                    + " 'pre-commit install' to use it");
            warnUnlessOnPath();
            return ExitCode.CLEAN;
        }
        String existing = new String(SourceReader.bytes(file, SourceReader.MAX_CONFIG_BYTES), StandardCharsets.UTF_8);
        if (PreCommitConfig.hasLifeguard(existing)) {
            out.println("kept " + PRE_COMMIT_FILE + ": it already runs the " + PreCommitConfig.HOOK_ID + " hook");
            return ExitCode.CLEAN;
        }
        Optional<String> updated = PreCommitConfig.withLifeguard(existing);
        if (updated.isEmpty()) {
            streams.err().print("lifeguard: could not add the hook to " + PRE_COMMIT_FILE
                    + " safely (no block-style repos: list found); add this under repos: yourself:\n"
                    + PreCommitConfig.NEW_FILE.substring(PreCommitConfig.NEW_FILE.indexOf('\n') + 1));
            return ExitCode.USAGE_OR_TOOL_ERROR;
        }
        write(file, updated.get());
        out.println("added the " + PreCommitConfig.HOOK_ID + " hook to " + PRE_COMMIT_FILE + ": a local hook running '"
                + PreCommitConfig.ENTRY + "'");
        warnUnlessOnPath();
        return ExitCode.CLEAN;
    }

    /** The hook runs the lifeguard command found on the PATH: say so now if there is none, not at the first commit. */
    private void warnUnlessOnPath() {
        String path = environment.variables().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir).resolve("lifeguard"))) {
                return;
            }
        }
        streams.err().println("lifeguard: note: no lifeguard command on the PATH; the hook needs one: put the release's"
                + " bin/ on the PATH (README: Install), or link bin/lifeguard into a directory on it");
        streams.err().flush();
    }

    private static void write(Path file, String text) throws UsageException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage(), null);
        }
    }
}
