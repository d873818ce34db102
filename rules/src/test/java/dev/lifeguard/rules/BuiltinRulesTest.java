package dev.lifeguard.rules;

import dev.lifeguard.rules.docs.RuleDocs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry's contract (after PMD's AbstractRuleSetFactoryTest): every rule class is listed, ids are
 * unique, kebab-case and sorted, metadata reads well, and every rule has a docs sidecar with all sections.
 * That every rule has a bad and a good fixture is checked in test-fixtures, where the fixtures live.
 */
class BuiltinRulesTest {
    private static final List<Rule> RULES = BuiltinRules.all();

    @Test
    void everyRuleClassIsListed() throws Exception {
        Set<Class<?>> listed = RULES.stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> found = ruleClasses();
        assertFalse(found.isEmpty());
        assertEquals(found, listed, "BuiltinRules.all() must list exactly the Rule classes of dev.lifeguard.rules");
    }

    @Test
    void idsAreUniqueKebabCaseAndSorted() {
        List<String> ids = RULES.stream().map(r -> r.metadata().id()).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate id in " + ids);
        ids.forEach(id -> assertTrue(id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"), id + " is not kebab-case"));
        assertEquals(ids.stream().sorted().toList(), ids, "BuiltinRules.all() must be sorted by id");
    }

    @Test
    void metadataReadsWell() {
        for (Rule rule : RULES) {
            RuleMetadata m = rule.metadata();
            for (String line : List.of(m.summary(), m.help())) {
                assertFalse(line.isBlank(), m.id());
                assertFalse(line.endsWith("."), m.id() + ": no trailing period: " + line);
                assertFalse(line.contains("\n"), m.id() + ": one line: " + line);
            }
            assertFalse(m.tags().isEmpty(), m.id() + " has no tags");
            assertTrue(m.since().matches("\\d+\\.\\d+\\.\\d+"), m.id());
        }
    }

    @Test
    void everyRuleHasASidecarWithAllSections() {
        for (Rule rule : RULES) {
            String id = rule.metadata().id();
            Optional<String> sidecar = RuleDocs.sidecar(id);
            assertTrue(sidecar.isPresent(), "no sidecar dev/lifeguard/rules/docs/" + id + ".md");
            assertEquals(RuleDocs.SECTIONS, RuleDocs.sections(sidecar.get()), id + ": sections");
            assertFalse(sidecar.get().startsWith("# "), id + ": the title is generated, the sidecar starts with a section");
        }
    }

    /** Concrete classes implementing Rule anywhere under this package, found on the class path. */
    private static Set<Class<?>> ruleClasses() throws IOException, URISyntaxException {
        Path root = Path.of(Rule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = root.resolve(Rule.class.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.walk(pkg)) {
            return files.map(root::relativize).map(Path::toString).filter(p -> p.endsWith(".class") && !p.contains("$"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .map(BuiltinRulesTest::load)
                    .filter(c -> Rule.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers()))
                    .collect(Collectors.toSet());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, BuiltinRulesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
