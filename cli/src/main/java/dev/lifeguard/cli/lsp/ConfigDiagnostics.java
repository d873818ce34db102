package dev.lifeguard.cli.lsp;

import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.config.ConfigException;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lifeguard.yml that cannot be used, shown where it is wrong: an error on its line in lifeguard.yml, from
 * the editor's text while it is open, else from the disk whenever a migration of its project is linted
 * (with the defaults meanwhile). {@code lifeguard lint} stops at the same mistake with the same words.
 */
final class ConfigDiagnostics {
    /** Diagnostics to publish for one URI. */
    record Publication(String uri, List<Diagnostic> diagnostics) {
    }

    /** The lifeguard.yml each project root has an error published for. */
    private final Map<Path, String> reported = new HashMap<>();
    /** The mistakes already shown as a message: each once, not on every keystroke. */
    private final Set<String> shown = new HashSet<>();

    /** The diagnostics of a lifeguard.yml's text: none when it reads fine. */
    static List<Diagnostic> of(Optional<ConfigException> problem, Path file, String text) {
        if (problem.isEmpty()) {
            return List.of();
        }
        ConfigException e = problem.get();
        SourceFile source = new SourceFile(file, text);
        int line = Math.max(1, Math.min(e.line(), source.lineCount()));
        Diagnostic d = new Diagnostic(new DocumentText(source).range(SourceSpan.ofLine(file, line)), e.reason(),
                DiagnosticSeverity.Error, Diagnostics.SOURCE);
        return List.of(d);
    }

    /**
     * What to publish for the project's lifeguard.yml on disk after one of its migrations was linted: its
     * error, or an empty list where an error was published before and the file is fixed now. Nothing for a
     * lifeguard.yml open in the editor, which is checked as edited.
     */
    synchronized List<Publication> onDisk(ProjectSession session, Set<String> open) {
        ConfigException problem = session.settings().problem();
        String before = reported.remove(session.root());
        List<Publication> out = new ArrayList<>();
        String uri = null;
        if (problem != null) {
            Path file = session.root().resolve(problem.file()).normalize();
            uri = file.toUri().toString();
            if (!open.contains(uri)) {
                reported.put(session.root(), uri);
                out.add(new Publication(uri, of(Optional.of(problem), file, read(file))));
            }
        }
        if (before != null && !before.equals(uri)) {
            out.add(0, new Publication(before, List.of()));
        }
        return out;
    }

    /** The message to show for the project's broken lifeguard.yml, once per mistake; empty otherwise. */
    synchronized Optional<String> message(ProjectSession session) {
        ConfigException problem = session.settings().problem();
        if (problem == null || !shown.add(problem.getMessage())) {
            return Optional.empty();
        }
        return Optional.of("lifeguard: " + problem.getMessage() + " (linting with the default settings until it is fixed)");
    }

    private static String read(Path file) {
        try {
            return new String(SourceReader.bytes(file, SourceReader.MAX_CONFIG_BYTES), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
