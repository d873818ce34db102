package dev.lifeguard.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lifeguard.verify.MigrationRow;
import dev.lifeguard.verify.RehearsalReport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rehearsal summary: a table after the text report's findings, a {@code rehearsal} object in JSON. */
final class RehearsalTable {
    private static final String[] HEADERS = {"migration", "applied", "locks on tables with rows", "rewrites", "time", "rows", "reverse"};

    private RehearsalTable() {
    }

    static String text(RehearsalReport report) {
        StringBuilder out = new StringBuilder("\n");
        out.append("Rehearsal").append(report.database() == null ? "" : " on " + report.database())
                .append(String.format(Locale.ROOT, " (%.1f s)", report.millis() / 1000.0)).append(":\n");
        if (!report.rows().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(HEADERS);
            String history = null;
            for (MigrationRow r : report.rows()) {
                if (!r.history().equals(history)) {
                    history = r.history();
                    rows.add(new String[] {history + "/"});
                }
                rows.add(new String[] {r.file(), r.applied(), r.locks().isEmpty() ? "-" : String.join(", ", r.locks()),
                        r.rewrites().isEmpty() ? "-" : String.join(", ", r.rewrites()),
                        r.applied().startsWith("not") ? "-" : String.format(Locale.ROOT, "%.1f ms", r.millis()),
                        r.applied().startsWith("not") ? "-" : String.valueOf(r.rows()), r.reverse()});
            }
            int[] widths = new int[HEADERS.length];
            for (String[] row : rows) {
                for (int i = 0; i < row.length && row.length > 1; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder(row.length == 1 ? "  " : "    ");
                for (int i = 0; i < row.length; i++) {
                    line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
        }
        for (String note : report.notes()) {
            out.append("  note: ").append(note).append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    static void json(RehearsalReport report, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("rehearsal");
        g.writeStringField("database", report.database());
        g.writeNumberField("millis", report.millis());
        g.writeNumberField("rehearsed", report.rehearsed());
        g.writeObjectFieldStart("phases");
        for (var e : report.phases().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("migrations");
        for (MigrationRow r : report.rows()) {
            g.writeStartObject();
            g.writeStringField("history", r.history());
            g.writeStringField("migration", r.migration());
            g.writeStringField("file", r.file());
            g.writeStringField("applied", r.applied());
            g.writeArrayFieldStart("locks");
            for (String l : r.locks()) {
                g.writeString(l);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rewrites");
            for (String t : r.rewrites()) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeNumberField("millis", Math.round(r.millis() * 10) / 10.0);
            g.writeNumberField("rows", r.rows());
            g.writeStringField("reverse", r.reverse());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notes");
        for (String n : report.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
