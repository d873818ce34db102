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

    @Mixin
    ReportOptions report = new ReportOptions();

    @Mixin
    ChangeOptions change = new ChangeOptions();

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
        Path out = report.output == null ? null : cwd.resolve(report.output).normalize();
        if (change.since != null && change.staged) {
            throw new UsageException("--since and --staged cannot be combined", "use --staged in a pre-commit hook, --since REF in CI");
        }
        Path baselineFile = baseline == null ? null : cwd.resolve(baseline).normalize();
        Path root = ProjectRoot.find(cwd, searched);
        String target = project.targetVersion != null ? ProjectSettings.checkVersion(project.targetVersion) : null;
        LintSettings settings = LintSettings.of(root, file).override(project.dialect, target, project.excludes);
        boolean discover = project.paths.isEmpty() && file.migrations().isEmpty();
        return new LintConfig(root, cwd, absolute, settings.dialect(), report.format, out, report.failOn, settings.excludes(),
                codeDirs, change.since, change.staged, settings.targetVersion(), file, report.category, baselineFile, discover);
    }

    private static Path resolve(Path cwd, String p) throws UsageException {
        try {
            return cwd.resolve(p).normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("not a valid path: " + p, null);
        }
    }
}
