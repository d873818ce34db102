package dev.lifeguard.cli;

import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.model.DialectChoice;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.cli.report.DocsSite;
import dev.lifeguard.cli.report.GithubReporter;
import dev.lifeguard.cli.report.JsonReporter;
import dev.lifeguard.cli.report.ReportContext;
import dev.lifeguard.cli.report.Reporter;
import dev.lifeguard.cli.report.SarifReporter;
import dev.lifeguard.cli.report.TextReporter;
import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.config.LintSettings;
import dev.lifeguard.rules.engine.Engine;
import dev.lifeguard.rules.engine.EngineOptions;
import dev.lifeguard.rules.engine.LintResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;

/** Loads the project, runs the built-in rules, writes the report and decides the exit code. */
final class LintRunner {

    /** Reads the project: {@link ProjectLoader} in real runs, a hand-built project in tests. */
    interface Loader {
        Project load(LoadOptions options) throws LoadException;
    }

    /** Reads the project, and notes for the launcher's start-up cache whether it holds changelogs. */
    static final Loader PROJECT_LOADER = options -> StartupCacheMarker.note(new ProjectLoader().load(options));

    private final Streams streams;
    private final Environment environment;
    private final Loader loader;

    LintRunner(Streams streams, Environment environment, Loader loader) {
        this.streams = streams;
        this.environment = environment;
        this.loader = loader;
    }

    int run(LintConfig config) throws LoadException, UsageException, IOException {
        Baseline baseline = config.baseline() == null ? null : Baseline.read(config.baseline());
        List<Rule> rules = BuiltinRules.all();
        // fingerprints are shown in JSON and SARIF and matched against a baseline; text and GitHub output show none
        boolean fingerprints = baseline != null || config.format() == OutputFormat.JSON
                || config.format() == OutputFormat.SARIF;
        LintResult result = lint(config, rules, fingerprints);
        if (baseline != null) {
            result = baseline.filter(result);
        }
        String version = BuildVersion.current();
        DocsSite docs = DocsSite.choose(config.settings().docsUrl(), environment.variables().get("LIFEGUARD_DOCS_URL"),
                version);
        ReportContext context = new ReportContext(version, rules.stream().map(Rule::metadata).toList(),
                config.workingDirectory(), config.output() == null && environment.colour(), docs);
        write(reporter(config, context), result, config);
        return config.failOn().failsOn(result.findings()) ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    /** Reads the project and runs the rules: the findings before any baseline. */
    LintResult lint(LintConfig config, List<Rule> rules) throws LoadException, UsageException {
        return lint(config, rules, true);
    }

    private LintResult lint(LintConfig config, List<Rule> rules, boolean fingerprints) throws LoadException, UsageException {
        Loaded loaded = load(config);
        Engine engine = new Engine(rules, loaded.options());
        return (fingerprints ? engine : engine.withoutFingerprints()).lint(loaded.project());
    }

    /** The project a run reads, and the engine options for it (lifeguard.yml, the change under review). */
    record Loaded(Project project, EngineOptions options) {
    }

    /** Reads the project as lint does: shared with {@code verify}, which rehearses what lint reads. */
    Loaded load(LintConfig config) throws LoadException {
        ChangeReview review = ChangeReview.of(config);
        // the command has merged lifeguard.yml with the command line already
        LintSettings settings = new LintSettings(config.root(), config.settings(), config.dialect(),
                config.targetVersion(), config.excludes());
        dev.lifeguard.analyzer.LoadOptions load = settings.loadOptions(config.paths(), config.code(), java.util.Map.of());
        Project project = loader.load(review.loadOptions(config.discover() ? load.discovering() : load));
        if (project.dialect().source() != DialectChoice.Source.GIVEN) {
            streams.err().println("lifeguard: " + project.dialect().describe()); // said once, whatever the format
            streams.err().flush();
        }
        return new Loaded(project, review.engineOptions(settings.engineOptions(project.dialect().dialect())));
    }

    // Each reporter class is loaded only when chosen: JSON and SARIF pull in Jackson, which costs start-up time.
    static Reporter reporter(LintConfig config, ReportContext context) {
        return switch (config.format()) {
            case TEXT -> new TextReporter(context);
            case JSON -> new JsonReporter(context);
            case SARIF -> new SarifReporter(context, config.category());
            case GITHUB -> new GithubReporter(context.docs());
        };
    }

    void write(Reporter reporter, LintResult result, LintConfig config) throws IOException, UsageException {
        if (config.output() == null) {
            Writer out = new BufferedWriter(new OutputStreamWriter(streams.out(), StandardCharsets.UTF_8));
            reporter.write(result, out);
            out.flush();
            return;
        }
        Writer out;
        try {
            out = Files.newBufferedWriter(config.output(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + config.output() + ": " + reason(e), null);
        }
        try (out) {
            reporter.write(result, out);
        } catch (IOException e) {
            throw new UsageException("cannot write " + config.output() + ": " + reason(e), "the report is incomplete");
        }
    }

    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "no such directory" : SourceReader.reason(e);
    }
}
