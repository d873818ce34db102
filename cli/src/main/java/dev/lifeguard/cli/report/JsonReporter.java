package dev.lifeguard.cli.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Fix;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.engine.LintResult;

import java.io.IOException;
import java.io.Writer;

/**
 * The report for scripts. The schema is documented in docs/json-format.md and
 * docs/lifeguard-report.schema.json; {@link #SCHEMA_VERSION} changes only when a field changes meaning or
 * goes away (new fields may be added within a version). Fields are written in a fixed order.
 */
public final class JsonReporter implements Reporter {
    public static final int SCHEMA_VERSION = 1;
    private final ReportContext context;
    private final Section extra;

    /** More top-level fields a command adds after the findings ({@code lifeguard verify}'s rehearsal). */
    @FunctionalInterface
    public interface Section {
        void write(JsonGenerator g) throws IOException;
    }

    public JsonReporter(ReportContext context) {
        this(context, null);
    }

    public JsonReporter(ReportContext context, Section extra) {
        this.context = context;
        this.extra = extra;
    }

    @Override
    public void write(LintResult result, Writer out) throws IOException {
        Project project = result.project();
        Summary summary = Summary.of(result);
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", "lifeguard");
            g.writeStringField("version", context.toolVersion());
            g.writeEndObject();
            g.writeStringField("root", project.root().toString());
            g.writeObjectFieldStart("dialect");
            g.writeStringField("name", project.dialect().dialect().id());
            g.writeStringField("source", project.dialect().source().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("note", project.dialect().describe());
            g.writeEndObject();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("errors", summary.errors());
            g.writeNumberField("warnings", summary.warnings());
            g.writeNumberField("notes", summary.notes());
            g.writeNumberField("files", summary.files());
            g.writeNumberField("migrations", summary.migrations());
            g.writeNumberField("suppressed", summary.suppressed());
            g.writeNumberField("baselined", summary.baselined());
            g.writeEndObject();
            g.writeArrayFieldStart("findings");
            for (Finding f : result.findings()) {
                writeFinding(g, project, f, context.docs());
            }
            g.writeEndArray();
            if (extra != null) {
                extra.write(g);
            }
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeFinding(JsonGenerator g, Project project, Finding f, DocsSite docs) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("severity", f.severity().id());
        g.writeStringField("message", f.message());
        g.writeStringField("help", f.help());
        g.writeStringField("docs", f.rule().docsPath());
        g.writeStringField("docsUrl", docs.page(f.rule()));
        g.writeStringField("fingerprint", f.fingerprint());
        g.writeBooleanField("suppressed", f.isSuppressed());
        g.writeFieldName("location");
        writeLocation(g, f.span(), Region.of(f.span(), project.source(f.span().file()).orElse(null)));
        g.writeArrayFieldStart("related");
        for (RelatedLocation r : f.related()) {
            g.writeStartObject();
            g.writeFieldName("location");
            writeLocation(g, r.span(), Region.of(r.span(), project.source(r.span().file()).orElse(null)));
            g.writeStringField("message", r.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("fix");
        if (f.fix() == null) {
            g.writeNull();
        } else {
            writeFix(g, f.fix());
        }
        g.writeFieldName("suppression");
        if (f.isSuppressed()) {
            g.writeStartObject();
            g.writeStringField("kind", f.suppression().kind().sarifName());
            g.writeStringField("justification", f.suppression().justification());
            g.writeFieldName("location");
            SourceSpan at = f.suppression().location();
            writeLocation(g, at, Region.of(at, project.source(at.file()).orElse(null)));
            g.writeEndObject();
        } else {
            g.writeNull();
        }
        g.writeEndObject();
    }

    private static void writeFix(JsonGenerator g, Fix fix) throws IOException {
        g.writeStartObject();
        g.writeStringField("description", fix.description());
        g.writeArrayFieldStart("edits");
        for (Fix.Edit e : fix.edits()) {
            g.writeStartObject();
            g.writeFieldName("location");
            // An edit's span is exact: an empty span is an insertion point, not a whole line.
            SourceSpan s = e.span();
            writeLocation(g, s, new Region(s.startLine(), s.startColumn(), s.endLine(), s.endColumn()));
            g.writeStringField("replacement", e.replacement());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeLocation(JsonGenerator g, SourceSpan span, Region region) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", Uris.slashed(span.file()));
        g.writeNumberField("startLine", region.startLine());
        g.writeNumberField("startColumn", region.startColumn());
        g.writeNumberField("endLine", region.endLine());
        g.writeNumberField("endColumn", region.endColumn());
        g.writeEndObject();
    }
}
