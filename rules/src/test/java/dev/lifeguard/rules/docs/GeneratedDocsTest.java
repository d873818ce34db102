package dev.lifeguard.rules.docs;

import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Rule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/rules is generated: this test regenerates it in memory and fails when the files on disk differ.
 * With {@code -Dlifeguard.docs.write=true} it writes them instead.
 */
class GeneratedDocsTest {

    /** The lint rules, then lifeguard verify's finding kinds: one docs site for both. */
    private static java.util.List<dev.lifeguard.rules.RuleMetadata> allRules() {
        java.util.List<dev.lifeguard.rules.RuleMetadata> all = new java.util.ArrayList<>(
                BuiltinRules.all().stream().map(Rule::metadata).toList());
        all.addAll(dev.lifeguard.rules.rehearsal.RehearsalRules.metadata());
        return all;
    }

    @Test
    void docsRulesIsUpToDate() throws IOException {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path docs = moduleDir.toAbsolutePath().getParent().resolve("docs/rules");
        DocsSite site = new DocsSite(allRules());
        if (Boolean.getBoolean("lifeguard.docs.write")) {
            site.write(docs);
        }
        List<Path> stale = site.stale(docs);
        assertEquals(List.of(), stale, "docs/rules is stale; regenerate it with: " + RuleDocs.REGENERATE);
    }

    @Test
    void readmeRuleTableIsUpToDate() throws IOException {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path readme = moduleDir.toAbsolutePath().getParent().resolve("README.md");
        DocsSite site = new DocsSite(allRules());
        String current = java.nio.file.Files.readString(readme);
        String wanted = site.readmeWithTable(current);
        if (Boolean.getBoolean("lifeguard.docs.write")) {
            java.nio.file.Files.writeString(readme, wanted);
            current = wanted;
        }
        assertEquals(wanted, current, "README.md's rule table is stale; regenerate it with: " + RuleDocs.REGENERATE);
    }
}
