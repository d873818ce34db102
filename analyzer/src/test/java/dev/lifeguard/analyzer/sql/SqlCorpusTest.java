package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parses every SQL file of the shared real-world corpus: nothing may throw, spans must be ordered and
 * inside the file. Prints the statements left unparsed per corpus, the figure to drive down.
 */
class SqlCorpusTest {

    @Test
    void readsEveryCorpusFile() throws IOException {
        Path corpusRoot = dev.lifeguard.analyzer.SharedFiles.require("corpus");
        Map<String, int[]> counts = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpusRoot)) {
            files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        boolean verbose = Boolean.getBoolean("lifeguard.corpus.verbose");
        Map<String, Integer> kinds = new TreeMap<>();
        for (Path path : files) {
            String corpus = corpusRoot.relativize(path).getName(0).toString();
            String text = Files.readString(path, StandardCharsets.UTF_8);
            SourceFile file = new SourceFile(corpusRoot.relativize(path), text);
            List<Operation> ops = new SqlParser(dialectOf(path)).parse(file);
            int previous = -1;
            int[] count = counts.computeIfAbsent(corpus, k -> new int[2]);
            for (Operation op : ops) {
                SourceSpan span = op.span();
                assertTrue(span.startOffset() >= previous && span.endOffset() <= text.length()
                        && span.startOffset() < span.endOffset(), () -> "bad span " + span + " in " + path);
                previous = span.startOffset();
                count[0]++;
                if (verbose) {
                    String k = op instanceof Operation.Other o ? "Other " + o.kind() : op.getClass().getSimpleName();
                    kinds.merge(k, 1, Integer::sum);
                }
                if (op instanceof Operation.Unparsed u) {
                    count[1]++;
                    if (verbose) {
                        System.out.println("UNPARSED " + span + " " + u.reason() + " :: "
                                + u.text().replaceAll("\\s+", " ").substring(0, Math.min(160, u.text().length())));
                    }
                }
            }
        }
        kinds.forEach((k, n) -> System.out.println("kind " + k + " " + n));
        counts.forEach((corpus, c) -> System.out.println("corpus " + corpus + ": " + c[0] + " operations, "
                + c[1] + " unparsed"));
    }

    /** The dialect a corpus file is written for, as RUNS.tsv and the file names say. */
    static Dialect dialectOf(Path path) {
        String p = path.toString();
        if (p.contains("/killbill/") || p.contains("/kestra/jdbc-mysql/") || p.contains(".mysql.")
                || p.contains("/keel/")) {
            return Dialect.MYSQL;
        }
        return Dialect.POSTGRESQL;
    }
}
