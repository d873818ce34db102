package dev.lifeguard.cli;

import dev.lifeguard.analyzer.LoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code lifeguard verify}: the same inputs and reports as {@code lint}, findings from rehearsing the change on a
 * real database. This class names nothing of the verify module (embedded PostgreSQL, Flyway, JDBC): picocli
 * builds every subcommand at start-up, and {@code lint} must not load them. {@link VerifyRun} does, when this runs.
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
                "Rehearse the change on a real database: apply the history before it with its own runner (Flyway,"
                        + " Liquibase, or file by file), fill every table with rows, apply each migration of the"
                        + " change and measure it (failures, locks that make reads or writes wait, rewrites), run its"
                        + " reverse and apply it again, and PREPARE what both application versions use of the schema"
                        + " (with --since or --staged) against the schemas before and after the change.",
                "",
                "The database is an embedded PostgreSQL of the target version (15 to 18), started on 127.0.0.1 in a"
                        + " temporary directory and removed afterwards, or --database-url. MariaDB and MySQL histories are"
                        + " rehearsed on a throwaway MariaDB when Debian's mariadb-server is installed (mariadbd; the"
                        + " system service is not used), or on --database-url jdbc:mariadb:// or jdbc:mysql://. Without"
                        + " --since or --staged every migration is rehearsed as a deploy of its own."})
final class VerifyCommand implements Callable<Integer> {
    private final Streams streams;
    private final Environment environment;
    private final LintRunner.Loader loader;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Mixin
    ReportOptions report = new ReportOptions();

    @Mixin
    ChangeOptions change = new ChangeOptions();

    @Option(names = "--rows", paramLabel = "N",
            description = "Synthetic rows per table (default: 300).")
    int rows = 300;

    @Option(names = "--seed", paramLabel = "FILE",
            description = "Fill the tables with this SQL file (run once the history before the change is applied)"
                    + " instead of synthetic rows.")
    Path seed;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "Rehearse on this database instead of a throwaway one: jdbc:postgresql://HOST:PORT/DB?user=U"
                    + "&password=P, or jdbc:mariadb:// / jdbc:mysql:// for MariaDB and MySQL histories. It must be empty;"
                    + " Lifeguard drops what the rehearsal created and nothing else.")
    String databaseUrl;

    @Option(names = "--allow-non-empty", paramLabel = "DATABASE",
            description = "Allow --database-url to point at this database although it is not empty.")
    String allowNonEmpty;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop rehearsing after this many seconds (default: 600); what was not rehearsed is said.")
    int timeoutSeconds = 600;

    VerifyCommand(Streams streams, Environment environment, LintRunner.Loader loader) {
        this.streams = streams;
        this.environment = environment;
        this.loader = loader;
    }

    /** A class of the verify module, by name: whether its jars are on the class path (looked up, not loaded). */
    private static final String VERIFY_CLASS = "dev/lifeguard/verify/Rehearsal.class";

    @Override
    public Integer call() throws Exception {
        if (VerifyCommand.class.getClassLoader().getResource(VERIFY_CLASS) == null) {
            // lifeguard.jar alone (java -jar): verify's jars live in verify/ beside it, added by bin/lifeguard
            throw new LoadException("lifeguard verify needs its libraries (lib/verify/ beside lifeguard.jar), which are"
                    + " not on the class path: run it with the bin/lifeguard launcher of the release");
        }
        LintCommand lint = new LintCommand(streams, environment, loader);
        lint.project = project;
        lint.report = report;
        lint.change = change;
        LintConfig config = lint.config();
        if (rows < 1 || rows > 1_000_000) {
            throw new UsageException("--rows must be between 1 and 1000000, not " + rows, null);
        }
        if (timeoutSeconds < 1) {
            throw new UsageException("--timeout must be at least 1 second", null);
        }
        Path seedFile = seed == null ? null : environment.workingDirectory().resolve(seed).normalize();
        if (seedFile != null && !java.nio.file.Files.isRegularFile(seedFile)) {
            throw new UsageException("no such seed file: " + seed, null);
        }
        return new VerifyRun(streams, environment, loader)
                .run(config, new VerifyRun.Settings(rows, seedFile, databaseUrl, allowNonEmpty, timeoutSeconds));
    }
}
