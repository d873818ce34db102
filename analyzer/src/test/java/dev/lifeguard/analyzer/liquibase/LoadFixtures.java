package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.sql.SqlParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Shared helpers: load a directory's changelogs the way ProjectLoader will, and print what came out. */
final class LoadFixtures {
    private LoadFixtures() {
    }

    /** Every file under root that declares itself a changelog. */
    static List<Path> candidates(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    // decoded as discovery decodes them (UTF-16 changelogs included)
                    return LiquibaseLoader.isChangelog(f,
                            dev.lifeguard.analyzer.discovery.SourceReader.decodeAny(Files.readAllBytes(f)));
                } catch (IOException e) {
                    return false;
                }
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LiquibaseLoader.Result load(Path root, Dialect dialect) {
        Path r = root.toAbsolutePath().normalize();
        return new LiquibaseLoader(r, dialect, new SqlParser(dialect)).load(candidates(r));
    }

    static String dump(LiquibaseLoader.Result result) {
        StringBuilder sb = new StringBuilder();
        for (History h : result.histories()) {
            sb.append("history ").append(h.location()).append('\n');
            for (Migration m : h.migrations()) {
                sb.append("  ").append(m.id()).append(' ').append(m.file()).append(':').append(m.span().startLine())
                        .append('-').append(m.span().endLine()).append(" tx=").append(m.inTransaction())
                        .append(" reverse=").append(m.reverse().kind()).append(" ctx=").append(m.contexts()).append('\n');
                for (Operation op : m.operations()) {
                    sb.append("    ").append(op.span().startLine()).append('-').append(op.span().endLine()).append(' ')
                            .append(op).append('\n');
                }
                for (Operation op : m.reverse().operations()) {
                    sb.append("    reverse ").append(op.span().startLine()).append(' ').append(op).append('\n');
                }
            }
        }
        result.problems().forEach(p -> sb.append("problem ").append(p.span()).append(' ').append(p.message()).append('\n'));
        return sb.toString();
    }
}
