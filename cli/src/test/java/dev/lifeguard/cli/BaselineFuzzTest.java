package dev.lifeguard.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeguard.analyzer.FuzzChecks;

import java.nio.file.Path;

/**
 * Fuzz target for the baseline reader ({@code --baseline FILE}): any bytes read into a baseline or into one
 * usage error of one line; nothing else escapes. Seeds: {@code BaselineFuzzTestInputs/}.
 */
class BaselineFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void baseline(byte[] input) {
        try {
            Baseline.parse(input, Path.of("lifeguard-baseline.json"));
        } catch (UsageException e) {
            FuzzChecks.message(e.getMessage());
        }
    }
}
