package dev.lifeguard.cli;

import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleMetadata;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's rule table lists exactly the built-in rules, with their default severity. */
class ReadmeTest {
    @Test
    void ruleTableMatchesTheRegistry() throws Exception {
        String readme = Files.readString(RepositoryFiles.root().resolve("README.md"));
        Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\| (error|warning|note) \\|").matcher(readme);
        List<String> listed = m.results().map(r -> r.group(1) + " " + r.group(2)).collect(Collectors.toList());
        List<String> registry = BuiltinRules.all().stream().map(Rule::metadata)
                .map((RuleMetadata r) -> r.id() + " " + r.severity().id()).toList();
        assertEquals(registry, listed, "README.md's rule table is stale: regenerate it from 'lifeguard rules'");
    }
}
