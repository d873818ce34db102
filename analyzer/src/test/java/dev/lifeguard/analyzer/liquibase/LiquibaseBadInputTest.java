package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.Migration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken changelogs become problems with a file and line; everything else still loads. */
class LiquibaseBadInputTest {
    private static final String GOOD = "<?xml version=\"1.0\"?>\n<databaseChangeLog>\n"
            + "<changeSet id=\"g\" author=\"a\"><dropTable tableName=\"t\"/></changeSet>\n</databaseChangeLog>\n";

    @TempDir
    Path root;

    private LiquibaseLoader.Result loadWith(String name, String text) throws IOException {
        Files.writeString(root.resolve("good.xml"), GOOD);
        Files.writeString(root.resolve(name), text);
        return LoadFixtures.load(root, Dialect.POSTGRESQL);
    }

    private static LoadProblem only(LiquibaseLoader.Result r) {
        assertEquals(1, r.problems().size(), LoadFixtures.dump(r));
        return r.problems().get(0);
    }

    private static void goodStillLoads(LiquibaseLoader.Result r) {
        assertTrue(r.histories().stream().anyMatch(h -> h.location().equals(Path.of("good.xml"))
                && h.migrations().size() == 1), LoadFixtures.dump(r));
    }

    @Test
    void malformedXml() throws IOException {
        var r = loadWith("bad.xml", "<?xml version=\"1.0\"?>\n<databaseChangeLog>\n<changeSet id=\"1\" author=\"a\">\n"
                + "<dropTable tableName=\"t\">\n</changeSet>\n</databaseChangeLog>\n");
        LoadProblem p = only(r);
        assertEquals(Path.of("bad.xml"), p.span().file());
        assertEquals(5, p.span().startLine());
        assertTrue(p.message().startsWith("malformed XML"));
        goodStillLoads(r);
    }

    /** A value Liquibase cannot convert to the property's type fails in Liquibase's load, with metadata built by ChangeMetadata. */
    @Test
    void aValueOfTheWrongTypeIsAProblemAtItsChangeSet() throws IOException {
        var r = loadWith("bad.xml", "<?xml version=\"1.0\"?>\n<databaseChangeLog>\n"
                + "<changeSet id=\"1\" author=\"a\"><createTable tableName=\"ok\"><column name=\"c\" type=\"int\"/></createTable></changeSet>\n"
                + "<changeSet id=\"2\" author=\"a\">\n<createSequence sequenceName=\"s\" startValue=\"twelve\"/>\n</changeSet>\n"
                + "</databaseChangeLog>\n");
        LoadProblem p = only(r);
        assertEquals(Path.of("bad.xml"), p.span().file());
        assertEquals(4, p.span().startLine());
        assertTrue(p.message().startsWith("invalid changeSet: ") && p.message().contains("twelve"), p.message());
        assertTrue(r.histories().stream().anyMatch(h -> h.location().equals(Path.of("bad.xml"))
                && h.migrations().size() == 1), LoadFixtures.dump(r));
        goodStillLoads(r);
    }

    @Test
    void malformedYaml() throws IOException {
        var r = loadWith("bad.yaml", "databaseChangeLog:\n  - changeSet:\n      id: 1\n     author: a\n");
        LoadProblem p = only(r);
        assertEquals(4, p.span().startLine());
        goodStillLoads(r);
    }

    @Test
    void malformedJson() throws IOException {
        var r = loadWith("bad.json", "{\n  \"databaseChangeLog\": [\n    { \"changeSet\": { \"id\": \"1\" \"author\": \"a\" } }\n  ]\n}\n");
        LoadProblem p = only(r);
        assertEquals(3, p.span().startLine());
        goodStillLoads(r);
    }

    @Test
    void missingIncludeAndBrokenChangeSetLeaveTheRestLoaded() throws IOException {
        var r = loadWith("master.xml", "<?xml version=\"1.0\"?>\n<databaseChangeLog>\n"
                + "<include file=\"nope.xml\" relativeToChangelogFile=\"true\"/>\n"
                + "<include file=\"gone.xml\" relativeToChangelogFile=\"true\" errorIfMissing=\"false\"/>\n"
                + "<changeSet id=\"1\" author=\"a\" runOrder=\"sideways\"><dropTable tableName=\"x\"/></changeSet>\n"
                + "<changeSet id=\"2\" author=\"a\"><createTable/></changeSet>\n"
                + "<changeSet id=\"3\" author=\"a\"><dropTable tableName=\"y\"/></changeSet>\n</databaseChangeLog>\n");
        assertEquals(List.of(3, 5, 6), r.problems().stream().map(p -> p.span().startLine()).toList(), LoadFixtures.dump(r));
        assertTrue(r.problems().get(0).message().contains("not found"));
        assertTrue(r.problems().get(2).message().startsWith("cannot translate createTable"));
        var master = r.histories().stream().filter(h -> h.location().equals(Path.of("master.xml"))).findFirst().orElseThrow();
        assertEquals(List.of("2::a", "3::a"), master.migrations().stream().map(Migration::id).toList());
        goodStillLoads(r);
    }

    @Test
    void wrongRootElementAndEmptyFiles() throws IOException {
        Files.writeString(root.resolve("empty.yaml"), "databaseChangeLog:\n");
        var r = loadWith("wrong.xml", "<?xml version=\"1.0\"?>\n<databaseChangeLog>\n<frob><x/></frob>\n</databaseChangeLog>\n");
        LoadProblem p = only(r);
        assertEquals(3, p.span().startLine());
        goodStillLoads(r);
    }

    @Test
    void includeCycleIsReadOnce() throws IOException {
        Files.writeString(root.resolve("b.xml"), "<databaseChangeLog><include file=\"a.xml\" relativeToChangelogFile=\"true\"/>"
                + "<changeSet id=\"b\" author=\"x\"><dropTable tableName=\"b\"/></changeSet></databaseChangeLog>");
        var r = loadWith("a.xml", "<databaseChangeLog><include file=\"b.xml\" relativeToChangelogFile=\"true\"/>"
                + "<changeSet id=\"a\" author=\"x\"><dropTable tableName=\"a\"/></changeSet></databaseChangeLog>");
        assertEquals(List.of(), r.problems());
        var cycle = r.histories().stream().filter(h -> !h.location().equals(Path.of("good.xml"))).toList();
        assertEquals(1, cycle.size());
        assertEquals(List.of("b::x", "a::x"), cycle.get(0).migrations().stream().map(Migration::id).toList());
    }
}
