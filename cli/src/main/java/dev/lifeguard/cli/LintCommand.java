package dev.lifeguard.cli;

import dev.lifeguard.rules.config.LintSettings;
import dev.lifeguard.rules.config.ProjectConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lifeguard lint}: maps its options into a {@link LintConfig} and hands it to {@link LintRunner}. */
@Command(name = "lint",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
                "Lint migrations: Flyway, Liquibase, golang-migrate, dbmate, diesel, Prisma and plain SQL.",
                "",
                "The project root is the nearest directory upwards from the working directory that contains .git,"
                        + " else the working directory; when a PATH lies outside it, the deepest directory common to"
                        + " all PATHs. Nothing outside the root is read, and reports name files relative to it."})
final class LintCommand implements Callable<Integer> {
    private final Streams streams;
    private final Environment environment;
    private final LintRunner.Loader loader;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "Report format: text (default), json, sarif or github (workflow annotations).")
    OutputFormat format = OutputFormat.TEXT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = FailOnConverter.class,
            description = "Exit with 1 when a finding is at least this severe: error, warning (default) or never."
                    + " Notes never fail a run.")
    FailOn failOn = FailOn.WARNING;

    @Option(names = "--category", paramLabel = "NAME",
            description = "SARIF only: the run's code-scanning category (automationDetails.id), so that several"
                    + " Lifeguard runs on one repository keep their own alerts (default: lifeguard/DIALECT).")
    String category;

    @Option(names = "--since", paramLabel = "GIT_REF",
            description = "Lint only migrations added or modified since the merge base with GIT_REF (all are still"
                    + " replayed for context; in a Liquibase changelog, only its new or changed changeSets), and"
                    + " check the change itself: edited applied migrations, versions reused or out of order, code"
                    + " and schema in one change.")
    String since;

    @Option(names = "--staged",
            description = "Lint the migrations staged in git, as the index holds them (for a pre-commit hook),"
                    + " and check the staged change like --since HEAD.")
    boolean staged;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only findings that are not in FILE, written by 'lifeguard baseline'.")
    Path baseline;

    LintCommand(Streams streams, Environment environment, LintRunner.Loader loader) {
        this.streams = streams;
        this.environment = environment;
        this.loader = loader;
    }

    @Override
    public Integer call() throws Exception {
        return new LintRunner(streams, environment, loader).run(config());
    }

    LintConfig config() throws UsageException {
        Path cwd = environment.workingDirectory();
        ProjectConfig file = ProjectSettings.load(project.configFile, cwd);
        // paths on the command line are relative to the working directory, those in lifeguard.yml to its directory
        Path base = project.paths.isEmpty() && !file.migrations().isEmpty() ? file.directory() : cwd;
        List<String> given = !project.paths.isEmpty() ? project.paths : !file.migrations().isEmpty() ? file.migrations() : List.of(".");
        List<String> absolute = new ArrayList<>();
        List<Path> searched = new ArrayList<>();
        // lifeguard.yml comes with the pull request: its paths may not lead out of the repository (the command
        // line's may: whoever runs it chose them)
        List<Path> confined = project.paths.isEmpty() && !file.migrations().isEmpty()
                ? ProjectRoot.confinement(cwd, file.directory()) : null;
        for (String p : given) {
            Path path = resolve(base, p);
            if (confined != null && confined.stream().noneMatch(ProjectRoot.literalPrefix(path)::startsWith)) {
                throw new UsageException(file.file().getFileName() + ": migrations path " + p + " lies outside "
                        + confined.get(0), "lifeguard.yml may only name directories inside the repository");
            }
            if (ProjectRoot.isGlob(p)) {
                searched.add(ProjectRoot.literalPrefix(path));
            } else if (!Files.exists(path)) {
                throw new UsageException("no such file or directory: " + p, null);
            } else {
                searched.add(path);
            }
            absolute.add(path.toString());
        }
        // --code is relative to the working directory, code: in lifeguard.yml to the file's directory
        List<String> codeGiven = project.code != null ? project.code : file.code().isEmpty() ? null : file.code();
        Path codeBase = project.code != null ? cwd : file.directory();
        List<String> codeDirs = null;
        if (codeGiven != null) {
            codeDirs = new ArrayList<>();
            for (String dir : codeGiven) {
                Path path = resolve(codeBase, dir);
                if (!Files.isDirectory(path)) {
                    throw new UsageException("no such code directory: " + dir, null);
                }
                codeDirs.add(path.toString());
            }
        }
        Path out = output == null ? null : cwd.resolve(output).normalize();
        if (since != null && staged) {
            throw new UsageException("--since and --staged cannot be combined", "use --staged in a pre-commit hook, --since REF in CI");
        }
        Path baselineFile = baseline == null ? null : cwd.resolve(baseline).normalize();
        Path root = ProjectRoot.find(cwd, searched);
        String target = project.targetVersion != null ? ProjectSettings.checkVersion(project.targetVersion) : null;
        LintSettings settings = LintSettings.of(root, file).override(project.dialect, target, project.excludes);
        boolean discover = project.paths.isEmpty() && file.migrations().isEmpty();
        return new LintConfig(root, cwd, absolute, settings.dialect(), format, out, failOn, settings.excludes(),
                codeDirs, since, staged, settings.targetVersion(), file, category, baselineFile, discover);
    }

    private static Path resolve(Path cwd, String p) throws UsageException {
        try {
            return cwd.resolve(p).normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("not a valid path: " + p, null);
        }
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return Options.lowerCase(OutputFormat.class, value);
        }
    }

    static final class FailOnConverter implements picocli.CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            return Options.lowerCase(FailOn.class, value);
        }
    }
}
