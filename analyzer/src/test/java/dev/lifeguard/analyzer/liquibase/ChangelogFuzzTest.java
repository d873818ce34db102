package dev.lifeguard.analyzer.liquibase;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeguard.analyzer.FuzzChecks;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.sql.SqlParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzz targets for the Liquibase loaders, one per changelog syntax: the bytes are the changelog file (so
 * decoding is fuzzed too), loaded the way a lint run loads it. Never throws; every span lies inside the
 * files read; every problem is one line. Seeds: {@code ChangelogFuzzTestInputs/<target>/}.
 */
class ChangelogFuzzTest {
    private static final Path ROOT = root();

    @FuzzTest(maxDuration = "10m")
    void xml(byte[] input) {
        load("changelog.xml", input);
    }

    @FuzzTest(maxDuration = "10m")
    void yaml(byte[] input) {
        load("changelog.yaml", input);
    }

    @FuzzTest(maxDuration = "10m")
    void json(byte[] input) {
        load("changelog.json", input);
    }

    @FuzzTest(maxDuration = "10m")
    void formattedSql(byte[] input) {
        load("changelog.sql", input);
    }

    private static void load(String name, byte[] input) {
        Path file = ROOT.resolve(name);
        try {
            Files.write(file, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LiquibaseLoader.Result result = new LiquibaseLoader(ROOT, Dialect.POSTGRESQL, new SqlParser(Dialect.POSTGRESQL)).load(List.of(file));
        FuzzChecks.histories(result.histories(), result.sources(), result.problems());
    }

    private static Path root() {
        try {
            Path dir = Files.createTempDirectory("lifeguard-fuzz-changelog").toRealPath();
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
