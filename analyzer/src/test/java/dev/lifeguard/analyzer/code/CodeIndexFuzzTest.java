package dev.lifeguard.analyzer.code;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeguard.analyzer.FuzzChecks;
import dev.lifeguard.analyzer.LoadException;
import dev.lifeguard.analyzer.discovery.ProjectRoot;
import dev.lifeguard.analyzer.model.CodeIndex;
import dev.lifeguard.analyzer.model.CodeReference;
import dev.lifeguard.analyzer.model.SourceFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Fuzz targets for the code index: one Java or Kotlin source, indexed as a lint run indexes it (entities,
 * SQL in literals and annotations, references with their lines). Seeds: {@code CodeIndexFuzzTestInputs/}.
 */
class CodeIndexFuzzTest {
    private static final ProjectRoot ROOT = root();

    @FuzzTest(maxDuration = "10m")
    void java(byte[] input) {
        index(Path.of("src/main/java/Fuzz.java"), input, true);
    }

    @FuzzTest(maxDuration = "10m")
    void kotlin(byte[] input) {
        index(Path.of("src/main/kotlin/Fuzz.kt"), input, false);
    }

    private static void index(Path path, byte[] input, boolean java) {
        SourceFile file = new SourceFile(path, new String(input, StandardCharsets.UTF_8));
        Map<Path, SourceFile> read = CodeIndexer.cache();
        read.put(path, file);
        CodeFiles.Listing listing = new CodeFiles.Listing(java ? List.of(path) : List.of(), java ? List.of() : List.of(path),
                List.of(), List.of(), List.of());
        CodeIndex index = new CodeIndexer(ROOT, NamingStrategy.SPRING, read).build(listing);
        for (CodeReference ref : index.references()) {
            FuzzChecks.spanInside(ref.span(), file);
        }
        DdlInCode.scan(file).forEach(c -> FuzzChecks.spanInside(c.span(), file));
    }

    private static ProjectRoot root() {
        try {
            Path dir = Files.createTempDirectory("lifeguard-fuzz-code").toRealPath();
            dir.toFile().deleteOnExit();
            return new ProjectRoot(dir, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LoadException e) {
            throw new IllegalStateException(e);
        }
    }
}
