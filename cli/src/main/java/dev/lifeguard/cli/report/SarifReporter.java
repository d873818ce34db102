package dev.lifeguard.cli.report;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.Replacement;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.util.StdDateFormat;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.DialectChoice;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Fix;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.engine.LintResult;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * SARIF 2.1.0 for GitHub code scanning, built with the SARIF Java SDK. Every rule is listed in
 * {@code tool.driver.rules} (so viewers show rule help even for rules that found nothing) and results point
 * at it by {@code ruleIndex}; locations are relative to {@code %SRCROOT%}, the project root.
 */
public final class SarifReporter implements Reporter {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SRCROOT = "%SRCROOT%";
    /** Key of the fingerprint in partialFingerprints: bump the suffix if the fingerprint's basis changes. */
    public static final String FINGERPRINT_KEY = "lifeguard/v1";
    private final ReportContext context;
    private final String category;

    public SarifReporter(ReportContext context) {
        this(context, null);
    }

    /**
     * @param category the run's category for code scanning ({@code run.automationDetails.id}), or null for
     *                 {@code lifeguard/<dialects>/}
     */
    public SarifReporter(ReportContext context, String category) {
        this.context = context;
        this.category = category;
    }

    @Override
    public void write(LintResult result, Writer out) throws IOException {
        mapper().writeValue(out, log(result));
        out.write('\n');
    }

    SarifSchema210 log(LintResult result) {
        List<RuleMetadata> rules = rulesOf(result);
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.putIfAbsent(rules.get(i).id(), i);
        }
        List<Result> results = new ArrayList<>();
        for (Finding f : result.findings()) {
            results.add(result(result.project(), f, ruleIndex.get(f.ruleId())));
        }
        Project project = result.project();
        ToolComponent driver = new ToolComponent()
                .withName("Lifeguard")
                .withVersion(context.toolVersion())
                .withSemanticVersion(context.toolVersion())
                .withInformationUri(URI.create(DocsSite.REPOSITORY))
                // The SDK models rules as a Set: an insertion-ordered one keeps ruleIndex pointing at the right rule.
                .withRules(new LinkedHashSet<>(rules.stream().map(r -> SarifRules.descriptor(r, context.docs())).toList()));
        Run run = new Run()
                .withTool(new Tool().withDriver(driver))
                .withOriginalUriBaseIds(new OriginalUriBaseIds().withAdditionalProperty(SRCROOT,
                        new ArtifactLocation().withUri(Uris.directory(project.root()))))
                .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
                .withInvocations(List.of(invocation(project)))
                .withAutomationDetails(new RunAutomationDetails().withId(automationId(category, project)))
                .withResults(results);
        // The SDK leaves both unset; a log without them is not valid SARIF.
        return new SarifSchema210()
                .with$schema(URI.create(SCHEMA))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
    }

    /** Says once which dialect was linted for, when the user did not choose it (detected or assumed). */
    private static Invocation invocation(Project project) {
        Invocation invocation = new Invocation().withExecutionSuccessful(true);
        if (project.dialect().source() != DialectChoice.Source.GIVEN) {
            invocation.withToolExecutionNotifications(List.of(new Notification()
                    .withLevel(Notification.Level.NOTE)
                    .withMessage(new Message().withText(project.dialect().describe()))));
        }
        return invocation;
    }

    /**
     * Code scanning closes the alerts a category no longer reports, so each run needs its own: two runs of
     * Lifeguard on one repository (two dialects, two migration directories) must not close each other's.
     * The part before the last '/' is the category, as upload-sarif's {@code category} input makes it.
     */
    static String automationId(String category, Project project) {
        String c = category;
        if (c == null || c.isBlank()) {
            String dialects = project.histories().stream().map(h -> h.dialect().id()).distinct().sorted()
                    .collect(Collectors.joining("+"));
            c = "lifeguard/" + (dialects.isEmpty() ? Dialect.POSTGRESQL.id() : dialects);
        }
        return c.endsWith("/") ? c : c + "/";
    }

    /** The registry's rules, then any rule that reported without being in it (so every ruleIndex resolves). */
    private List<RuleMetadata> rulesOf(LintResult result) {
        Map<String, RuleMetadata> byId = new LinkedHashMap<>();
        context.rules().forEach(r -> byId.putIfAbsent(r.id(), r));
        result.findings().forEach(f -> byId.putIfAbsent(f.ruleId(), f.rule()));
        return List.copyOf(byId.values());
    }

    private static Result result(Project project, Finding f, int ruleIndex) {
        Result r = new Result()
                .withRuleId(f.ruleId())
                .withRuleIndex(ruleIndex)
                .withLevel(level(f.severity()))
                .withKind(null)
                .withRank(null)
                .withMessage(new Message().withText(SarifRules.sentence(f.message())))
                .withLocations(List.of(location(project, f.span(), null)));
        if (f.fingerprint() != null) {
            r.withPartialFingerprints(new PartialFingerprints().withAdditionalProperty(FINGERPRINT_KEY, f.fingerprint()));
        }
        if (!f.related().isEmpty()) {
            Set<Location> related = new LinkedHashSet<>();
            int id = 1;
            for (RelatedLocation rl : f.related()) {
                related.add(location(project, rl.span(), rl.message()).withId(id++));
            }
            r.withRelatedLocations(related);
        }
        if (f.fix() != null && !f.fix().edits().isEmpty()) {
            r.withFixes(new LinkedHashSet<>(List.of(fix(f.fix()))));
        }
        if (f.isSuppressed()) {
            r.withSuppressions(new LinkedHashSet<>(List.of(suppression(project, f.suppression()))));
        }
        return r;
    }

    /** A finding waived by a lifeguard:ignore comment stays in the log, marked, as SARIF viewers expect. */
    private static Suppression suppression(Project project, dev.lifeguard.rules.Suppression s) {
        Suppression out = new Suppression()
                .withKind(Suppression.Kind.fromValue(s.kind().sarifName()))
                .withLocation(location(project, s.location(), null));
        return s.justification().isEmpty() ? out : out.withJustification(s.justification());
    }

    private static Location location(Project project, SourceSpan span, String message) {
        Region region = Region.of(span, project.source(span.file()).orElse(null));
        Location location = new Location().withPhysicalLocation(new PhysicalLocation()
                .withArtifactLocation(artifact(span.file()))
                .withRegion(region(region)));
        return message == null ? location : location.withMessage(new Message().withText(SarifRules.sentence(message)));
    }

    private static com.contrastsecurity.sarif.Fix fix(Fix fix) {
        Map<Path, List<Replacement>> byFile = new LinkedHashMap<>();
        for (Fix.Edit e : fix.edits()) {
            SourceSpan s = e.span();
            // An edit's span is exact: an empty region is an insertion point.
            byFile.computeIfAbsent(s.file(), k -> new ArrayList<>()).add(new Replacement()
                    .withDeletedRegion(region(new Region(s.startLine(), s.startColumn(), s.endLine(), s.endColumn())))
                    .withInsertedContent(new ArtifactContent().withText(e.replacement())));
        }
        Set<ArtifactChange> changes = new LinkedHashSet<>();
        byFile.forEach((file, replacements) ->
                changes.add(new ArtifactChange().withArtifactLocation(artifact(file)).withReplacements(replacements)));
        return new com.contrastsecurity.sarif.Fix()
                .withDescription(new Message().withText(SarifRules.sentence(fix.description())))
                .withArtifactChanges(changes);
    }

    private static ArtifactLocation artifact(Path file) {
        return new ArtifactLocation().withUri(Uris.relative(file)).withUriBaseId(SRCROOT);
    }

    private static com.contrastsecurity.sarif.Region region(Region r) {
        return new com.contrastsecurity.sarif.Region()
                .withStartLine(r.startLine())
                .withStartColumn(r.startColumn())
                .withEndLine(r.endLine())
                .withEndColumn(r.endColumn());
    }

    static Result.Level level(Severity severity) {
        return switch (severity) {
            case ERROR -> Result.Level.ERROR;
            case WARNING -> Result.Level.WARNING;
            case NOTE -> Result.Level.NOTE;
        };
    }

    static ReportingConfiguration.Level configurationLevel(Severity severity) {
        return ReportingConfiguration.Level.fromValue(level(severity).value());
    }

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                // The SDK's dates are java.util.Date: SARIF wants ISO 8601 strings, never epoch numbers.
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setDateFormat(new StdDateFormat().withTimeZone(TimeZone.getTimeZone("UTC")).withColonInTimeZone(true))
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // The SDK omits values equal to its defaults, so level "warning" would vanish and a reader would fall
        // back to the rule's default level; these two always say their level.
        mapper.addMixIn(Result.class, NonNull.class);
        mapper.addMixIn(ReportingConfiguration.class, NonNull.class);
        return mapper;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private abstract static class NonNull {
    }
}
