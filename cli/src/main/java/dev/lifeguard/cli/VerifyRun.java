package dev.lifeguard.cli;

import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.TargetVersion;
import dev.lifeguard.cli.report.JsonReporter;
import dev.lifeguard.cli.report.ReportContext;
import dev.lifeguard.cli.report.Reporter;
import dev.lifeguard.cli.report.SarifReporter;
import dev.lifeguard.cli.report.TextReporter;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.engine.EngineOptions;
import dev.lifeguard.rules.engine.Fingerprints;
import dev.lifeguard.rules.engine.LintResult;
import dev.lifeguard.rules.rehearsal.RehearsalRules;
import dev.lifeguard.rules.reversibility.MissingReverseRule;
import dev.lifeguard.rules.suppress.Suppressor;
import dev.lifeguard.verify.Rehearsal;
import dev.lifeguard.verify.RehearsalException;
import dev.lifeguard.verify.RehearsalReport;
import dev.lifeguard.verify.VerifyOptions;
import dev.lifeguard.verify.db.PostgresBinaries;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs {@code lifeguard verify} once its options are read: the only class of the CLI that loads the verify module. */
final class VerifyRun {

    /** verify's own options, in plain types. */
    record Settings(int rows, Path seed, String databaseUrl, String allowNonEmpty, int timeoutSeconds) {
    }

    private final Streams streams;
    private final Environment environment;
    private final LintRunner.Loader loader;

    VerifyRun(Streams streams, Environment environment, LintRunner.Loader loader) {
        this.streams = streams;
        this.environment = environment;
        this.loader = loader;
    }

    int run(LintConfig config, Settings settings) throws LoadException, UsageException, IOException {
        LintRunner lint = new LintRunner(streams, environment, loader);
        LintRunner.Loaded loaded = lint.load(config);
        EngineOptions engine = loaded.options();
        VerifyOptions options = new VerifyOptions(engine, settings.rows(), settings.seed(), settings.databaseUrl(),
                settings.allowNonEmpty(), postgresMajor(engine), Duration.ofSeconds(settings.timeoutSeconds()));
        RehearsalReport report;
        try {
            report = new Rehearsal(options).run(loaded.project());
        } catch (RehearsalException e) {
            throw new LoadException(e.getMessage());
        }
        List<Finding> findings = new ArrayList<>(Suppressor.of(loaded.project())
                .apply(Fingerprints.assign(report.findings(), loaded.project())));
        findings.sort(Comparator.comparing((Finding f) -> f.span().file().toString())
                .thenComparingInt(f -> f.span().startLine())
                .thenComparingInt(f -> f.span().startColumn())
                .thenComparing(Finding::ruleId));
        LintResult result = new LintResult(loaded.project(), findings, report.rehearsed());
        List<RuleMetadata> rules = new ArrayList<>(RehearsalRules.metadata());
        rules.add(new MissingReverseRule().metadata());
        ReportContext context = new ReportContext(Version.current(), rules, config.workingDirectory(),
                config.output() == null && environment.colour());
        // MariaDB/MySQL histories are rehearsed on MariaDB: their SARIF category says so
        boolean mariadb = !loaded.project().histories().isEmpty()
                && loaded.project().histories().stream().allMatch(h -> h.dialect().isMySqlFamily());
        lint.write(reporter(config, context, report, mariadb ? Dialect.MARIADB : Dialect.POSTGRESQL), result, config);
        for (String note : report.notes()) {
            if (config.format() != OutputFormat.TEXT && config.format() != OutputFormat.JSON) {
                streams.err().println("lifeguard: " + note);
            }
        }
        streams.err().flush();
        return config.failOn().failsOn(result.findings()) ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    /** The embedded server's version: --target-version when it names PostgreSQL, else the oldest supported. */
    private static int postgresMajor(EngineOptions engine) throws UsageException {
        TargetVersion target = engine.targetVersionFor(Dialect.POSTGRESQL);
        int major = target.major();
        if (!PostgresBinaries.MAJORS.contains(major)) {
            throw new UsageException("verify runs PostgreSQL " + PostgresBinaries.MAJORS + ", not " + major
                    + " (--target-version)", "use --database-url for a server of another version");
        }
        return major;
    }

    private static Reporter reporter(LintConfig config, ReportContext context, RehearsalReport report, Dialect rehearsedOn) {
        return switch (config.format()) {
            case TEXT -> (result, out) -> {
                new TextReporter(context).write(result, out);
                out.write(RehearsalTable.text(report));
            };
            case JSON -> new JsonReporter(context, g -> RehearsalTable.json(report, g));
            // a category of its own by default, so that lint's and verify's uploads do not close each other's alerts
            case SARIF -> new SarifReporter(context, config.category() != null ? config.category()
                    : "lifeguard-verify/" + rehearsedOn.id());
            default -> LintRunner.reporter(config, context);
        };
    }
}
