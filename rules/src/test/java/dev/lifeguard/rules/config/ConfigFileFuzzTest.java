package dev.lifeguard.rules.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lifeguard.analyzer.FuzzChecks;
import dev.lifeguard.rules.BuiltinRules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * Fuzz target for lifeguard.yml, which a pull request controls: it reads into a configuration or into one
 * {@link ConfigException} with a line inside the file; nothing else escapes. Seeds: {@code ConfigFileFuzzTestInputs/}.
 */
class ConfigFileFuzzTest {
    private static final Set<String> IDS = LintSettings.ids(BuiltinRules.all());

    @FuzzTest(maxDuration = "10m")
    void lifeguardYml(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            new ConfigFileReader(IDS).read(Path.of("/fuzz/lifeguard.yml"), "lifeguard.yml", text);
        } catch (ConfigException e) {
            FuzzChecks.message(e.getMessage());
            long lines = text.lines().count() + 1;
            if (e.line() < 0 || e.line() > lines) {
                throw new AssertionError("line " + e.line() + " outside the file (" + lines + " lines): " + e.getMessage());
            }
        }
    }
}
