package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleMetadata;
import dev.lifeguard.rules.docs.RuleDocs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry of lifeguard verify's finding kinds, held to the same contract as the lint rules'. */
class RehearsalRulesTest {

    @Test
    void everyClassOfThePackageIsListedOnceSortedById() throws IOException, URISyntaxException {
        Path dir = Path.of(RehearsalRules.class.getResource("RehearsalRules.class").toURI()).getParent();
        Set<String> classes = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Rule.class") && !n.equals("RehearsalRule.class"))
                    .forEach(n -> classes.add(n.replace(".class", "")));
        }
        Set<String> listed = new HashSet<>();
        RehearsalRules.all().forEach(r -> listed.add(r.getClass().getSimpleName()));
        assertEquals(classes, listed, "RehearsalRules.all() must list exactly the rule classes of dev.lifeguard.rules.rehearsal");
        List<String> ids = RehearsalRules.metadata().stream().map(RuleMetadata::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "sorted by id");
        assertEquals(ids, RehearsalRules.IDS, "RehearsalRules.IDS must be the ids of all()");
    }

    @Test
    void idsAreKebabCaseAndDoNotClashWithLintRules() {
        Set<String> lint = new HashSet<>(BuiltinRules.all().stream().map(Rule::metadata).map(RuleMetadata::id).toList());
        for (RuleMetadata r : RehearsalRules.metadata()) {
            assertTrue(r.id().matches("[a-z]+(-[a-z]+)*"), r.id());
            assertFalse(lint.contains(r.id()), r.id() + " is also a lint rule");
            assertFalse(r.summary().endsWith("."), r.id() + ": summary without a trailing period");
            assertTrue(r.tags().contains("verify"), r.id() + " is tagged verify");
        }
    }

    @Test
    void everyRuleHasASidecarWithEverySection() {
        for (RuleMetadata r : RehearsalRules.metadata()) {
            String sidecar = RuleDocs.sidecar(r.id()).orElse(null);
            assertTrue(sidecar != null, r.id() + " has no sidecar dev/lifeguard/rules/docs/" + r.id() + ".md");
            assertEquals(RuleDocs.SECTIONS, RuleDocs.sections(sidecar), r.id() + ": sections");
        }
    }
}
