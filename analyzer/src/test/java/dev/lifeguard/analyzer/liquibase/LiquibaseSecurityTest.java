package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile changelogs, as a pull request could bring them: nothing outside the root is read, nothing runs. */
class LiquibaseSecurityTest {
    private static final String SECRET = "TOPSECRET-4711";

    @TempDir
    Path tmp;
    Path root;

    /** A flag a class sets when it is instantiated: customChange must never load it. */
    public static final class Tripwire {
        static volatile boolean instantiated;

        public Tripwire() {
            instantiated = true;
        }
    }

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectories(tmp.resolve("project"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.writeString(outside.resolve("secret.sql"), "DROP TABLE " + SECRET + ";");
        Files.writeString(outside.resolve("evil.xml"), xml("<changeSet id=\"evil\" author=\"x\"><dropTable tableName=\""
                + SECRET + "\"/></changeSet>"));
    }

    private static String xml(String body) {
        return "<?xml version=\"1.0\"?>\n<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
                + body + "\n</databaseChangeLog>\n";
    }

    private LiquibaseLoader.Result load(String name, String text) throws IOException {
        Files.writeString(root.resolve(name), text);
        return LoadFixtures.load(root, Dialect.POSTGRESQL);
    }

    private static void assertNothingLeaked(LiquibaseLoader.Result r) {
        for (SourceFile f : r.sources().values()) {
            assertFalse(f.text().contains(SECRET) && !f.path().toString().startsWith("hostile"), "read " + f.path());
            assertFalse(f.path().startsWith(".."), "source outside the root: " + f.path());
        }
        String everything = LoadFixtures.dump(r);
        assertFalse(everything.contains(SECRET.toLowerCase()) || everything.contains("evil::"), everything);
    }

    private static boolean hasProblem(LiquibaseLoader.Result r, String fragment, int line) {
        return r.problems().stream().map(LoadProblem::span).anyMatch(s -> s.startLine() == line)
                && r.problems().stream().anyMatch(p -> p.message().contains(fragment));
    }

    @Test
    void doctypeIsRefusedSoNoExternalEntityIsRead() throws IOException {
        var r = load("hostile.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE databaseChangeLog [\n"
                + "  <!ENTITY x SYSTEM \"../outside/secret.txt\">\n]>\n"
                + "<databaseChangeLog><changeSet id=\"1\" author=\"a\"><sql>SELECT '&x;'</sql></changeSet></databaseChangeLog>");
        assertTrue(hasProblem(r, "DOCTYPE", 2), LoadFixtures.dump(r));
        assertTrue(r.histories().stream().allMatch(h -> h.migrations().isEmpty()));
        assertNothingLeaked(r);
    }

    @Test
    void includeOutsideTheRootIsRefused() throws IOException {
        var r = load("hostile.xml", xml("<include file=\"../outside/evil.xml\" relativeToChangelogFile=\"true\"/>\n"
                + "<include file=\"../../outside/evil.xml\"/>\n"
                + "<changeSet id=\"ok\" author=\"a\"><dropTable tableName=\"t\"/></changeSet>"));
        assertEquals(2, r.problems().stream().filter(p -> p.message().contains("leaves the project root")).count(),
                LoadFixtures.dump(r));
        assertEquals(3, r.problems().get(0).span().startLine());
        assertEquals(List.of("ok::a"), r.histories().get(0).migrations().stream().map(Migration::id).toList());
        assertNothingLeaked(r);
    }

    @Test
    void sqlFileOutsideTheRootIsRefused() throws IOException {
        var r = load("hostile.xml", xml("<changeSet id=\"1\" author=\"a\">\n"
                + "<sqlFile path=\"../outside/secret.sql\" relativeToChangelogFile=\"true\"/>\n"
                + "<sqlFile path=\"../../outside/secret.sql\"/>\n</changeSet>"));
        assertEquals(2, r.problems().stream().filter(p -> p.message().contains("sqlFile path leaves the project root")).count(),
                LoadFixtures.dump(r));
        assertEquals(4, r.problems().get(0).span().startLine());
        assertNothingLeaked(r);
    }

    @Test
    void symlinksOutOfTheRootAreRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("link.xml"), tmp.resolve("outside/evil.xml"));
        Files.createSymbolicLink(root.resolve("linked-dir"), tmp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("linked.sql"), tmp.resolve("outside/secret.sql"));
        var r = load("hostile.xml", xml("<include file=\"link.xml\" relativeToChangelogFile=\"true\"/>\n"
                + "<includeAll path=\"linked-dir\" relativeToChangelogFile=\"true\"/>\n"
                + "<changeSet id=\"1\" author=\"a\"><sqlFile path=\"linked.sql\" relativeToChangelogFile=\"true\"/></changeSet>"));
        assertEquals(4, r.problems().size(), LoadFixtures.dump(r)); // include, includeAll, sqlFile, and link.xml as a candidate
        assertTrue(r.problems().stream().anyMatch(p -> p.message().startsWith("changelog outside the project root")));
        assertNothingLeaked(r);
    }

    @Test
    void yamlAliasBombIsBounded() throws IOException {
        StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String prev = "a";
        for (char c = 'b'; c <= 'i'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                y.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            y.append("]\n");
            prev = String.valueOf(c);
        }
        y.append("databaseChangeLog:\n  - changeSet: {id: 1, author: x, changes: [{sql: {sql: *i}}]}\n");
        long start = System.nanoTime();
        var r = load("bomb.yaml", y.toString());
        assertTrue(System.nanoTime() - start < 20_000_000_000L);
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("aliases")), LoadFixtures.dump(r));
        assertTrue(r.histories().isEmpty());
    }

    @Test
    void environmentAndSystemPropertiesAreNotChangelogProperties() throws IOException {
        var r = load("hostile.xml", xml("<changeSet id=\"1\" author=\"a\"><createTable tableName=\"t_${user.name}\">"
                + "<column name=\"c\" type=\"int\"/></createTable></changeSet>"));
        var create = (Operation.CreateTable) r.histories().get(0).migrations().get(0).operations().get(0);
        assertEquals("t_${user.name}", create.table().name());
    }

    @Test
    void customChangeClassIsNeverLoaded() throws IOException {
        Tripwire.instantiated = false;
        var r = load("hostile.xml", xml("<changeSet id=\"1\" author=\"a\"><customChange class=\""
                + Tripwire.class.getName() + "\"/></changeSet>"));
        assertFalse(Tripwire.instantiated);
        var op = (Operation.NotModelled) r.histories().get(0).migrations().get(0).operations().get(0);
        assertEquals("custom change " + Tripwire.class.getName(), op.description());
        assertEquals(Tripwire.class.getName(), op.javaClass());
    }

    @Test
    void schemaLocationIsNeverFetched() throws IOException {
        var r = load("remote-xsd.xml", "<?xml version=\"1.0\"?>\n<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + " xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog http://10.255.255.1/never.xsd\">\n"
                + "<changeSet id=\"1\" author=\"a\"><dropTable tableName=\"t\"/></changeSet></databaseChangeLog>");
        assertEquals(List.of(), r.problems());
        assertEquals(1, r.histories().get(0).migrations().size());
    }
}
