package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.Migration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile changelogs of issue 13, generated here: each is a problem at its file and line (or loads as Liquibase
 * loads it), and every other changeSet of the input is still read.
 */
class LiquibaseHostileInputTest {
    private static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n";

    @TempDir
    Path root;

    private LiquibaseLoader.Result load() {
        return LoadFixtures.load(root, Dialect.POSTGRESQL);
    }

    private static List<String> ids(LiquibaseLoader.Result r) {
        return r.histories().stream().flatMap(h -> h.migrations().stream()).map(Migration::id).sorted().toList();
    }

    private static List<String> problems(LiquibaseLoader.Result r) {
        return r.problems().stream().map(p -> p.span().file() + ":" + p.span().startLine() + ": " + p.message()).toList();
    }

    // 4. a sqlFile over the cap: one problem at the change, the file never read as plain SQL too

    @Test
    void aHundredMegabyteSqlFileIsRefusedOnceBeforeItIsRead() throws IOException {
        Files.writeString(root.resolve("changelog.xml"), XML_HEAD
                + "<changeSet id=\"1\" author=\"a\"><sqlFile path=\"big.sql\" relativeToChangelogFile=\"true\"/></changeSet>\n"
                + "<changeSet id=\"2\" author=\"a\"><dropColumn tableName=\"t\" columnName=\"c\"/></changeSet>\n"
                + "</databaseChangeLog>\n");
        Files.writeString(root.resolve("big.sql"), "ALTER TABLE t DROP COLUMN x;\n");
        try (RandomAccessFile f = new RandomAccessFile(root.resolve("big.sql").toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024); // sparse: the size is checked before anything is read
        }
        LiquibaseLoader.Result r = load();
        assertEquals(List.of("changelog.xml:3: sqlFile big.sql is larger than 20 MB (100.0 MB): not read"), problems(r));
        assertEquals(List.of("1::a", "2::a"), ids(r));
        assertEquals(java.util.Set.of(Path.of("big.sql")), r.refused());
    }

    @Test
    void aThirtyMegabyteYamlChangelogIsRefusedByItsSize() throws IOException {
        Path big = root.resolve("changelog.yaml");
        Files.writeString(big, "databaseChangeLog:\n");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(30L * 1024 * 1024);
        }
        assertEquals(List.of("changelog.yaml:1: changelog is larger than 20 MB (30.0 MB): not read"), problems(load()));
    }

    // 6. UTF-16 (and UTF-32) changelogs, which Liquibase accepts

    @Test
    void utf16ChangelogsLoadAsLiquibaseLoadsThem() throws IOException {
        String xml = XML_HEAD.replace("UTF-8", "UTF-16")
                + "<changeSet id=\"x\" author=\"a\"><dropColumn tableName=\"t\" columnName=\"c\"/></changeSet>\n</databaseChangeLog>\n";
        Files.write(root.resolve("a.xml"), xml.getBytes(StandardCharsets.UTF_16)); // big-endian, with a BOM
        String yaml = "databaseChangeLog:\n  - changeSet:\n      id: y\n      author: a\n      changes:\n"
                + "        - dropColumn: {tableName: t, columnName: d}\n";
        Files.write(root.resolve("b.yaml"), yaml.getBytes(StandardCharsets.UTF_16LE)); // no BOM
        String json = "{\"databaseChangeLog\": [{\"changeSet\": {\"id\": \"j\", \"author\": \"a\", \"changes\": "
                + "[{\"dropColumn\": {\"tableName\": \"t\", \"columnName\": \"e\"}}]}}]}";
        byte[] body = json.getBytes(Charset.forName("UTF-32LE"));
        byte[] withBom = new byte[body.length + 4];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(body, 0, withBom, 4, body.length);
        Files.write(root.resolve("c.json"), withBom);
        LiquibaseLoader.Result r = load();
        assertEquals(List.of(), problems(r));
        assertEquals(List.of("j::a", "x::a", "y::a"), ids(r));
        History yamlHistory = r.histories().stream().filter(h -> h.location().equals(Path.of("b.yaml"))).findFirst().orElseThrow();
        assertEquals(6, yamlHistory.migrations().get(0).operations().get(0).span().startLine());
    }

    // 10. one malformed --changeset line in a formatted SQL changelog

    @Test
    void aMalformedFormattedSqlChangeSetCostsThatChangeSetOnly() throws IOException {
        Files.writeString(root.resolve("changelog.sql"), "--liquibase formatted sql\n\n"
                + "--changeset alice:1\nALTER TABLE t DROP COLUMN a;\n\n"
                + "--changeset bob\nALTER TABLE t DROP COLUMN b;\n\n"
                + "--changeset carol:3\nALTER TABLE t DROP COLUMN d;\n");
        LiquibaseLoader.Result r = load();
        assertEquals(List.of("1::alice", "3::carol"), ids(r));
        List<String> p = problems(r);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("changelog.sql:6: invalid formatted SQL changeSet: Unexpected formatting"), p.get(0));
        // bob's statement is not taken for the tail of alice's changeSet
        Migration alice = r.histories().get(0).migrations().get(0);
        assertEquals(1, alice.operations().size());
        assertEquals(4, alice.span().endLine());
    }

    // 13. duplicate YAML keys: said with their line, nothing on stderr

    @Test
    void duplicateYamlKeysAreReportedAndNotLogged() throws IOException {
        Files.writeString(root.resolve("changelog.yaml"), "databaseChangeLog:\n  - changeSet:\n      id: 1\n"
                + "      author: a\n      changes:\n        - dropColumn:\n            tableName: t\n"
                + "            columnName: c\n            columnName: d\n");
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LiquibaseLoader.Result r;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            r = load();
        } finally {
            System.setErr(stderr);
        }
        // (in a build that ran the fuzz targets first, Jazzer's agent may log its own INFO lines)
        assertEquals(List.of(), captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("INFO: ")).toList());
        assertEquals(List.of("changelog.yaml:9: duplicate key 'columnName': Liquibase uses the last value and ignores"
                + " the earlier ones"), problems(r));
        assertEquals(List.of("1::a"), ids(r));
    }

    // 15. an element nested 4,000 deep in one changeSet

    @Test
    void aDeeplyNestedChangeSetCostsThatChangeSetOnly() throws IOException {
        Files.writeString(root.resolve("changelog.xml"), XML_HEAD
                + "<changeSet id=\"1\" author=\"a\"><dropColumn tableName=\"t\" columnName=\"c\"/></changeSet>\n"
                + "<changeSet id=\"2\" author=\"a\"><sql>" + "<x>".repeat(4000) + "</x>".repeat(4000) + "</sql></changeSet>\n"
                + "<changeSet id=\"3\" author=\"a\"><dropColumn tableName=\"t\" columnName=\"d\"/></changeSet>\n"
                + "</databaseChangeLog>\n");
        LiquibaseLoader.Result r = load();
        assertEquals(List.of("changelog.xml:4: changeSet nests elements more than 100 levels deep: not read"), problems(r));
        assertEquals(List.of("1::a", "3::a"), ids(r));
    }

    @Test
    void problemsNeverCarryAJavaClassName() throws IOException {
        Files.writeString(root.resolve("changelog.sql"), "--liquibase formatted sql\n--changeset\n");
        for (LoadProblem p : load().problems()) {
            dev.lifeguard.analyzer.FuzzChecks.message(p.message());
        }
    }
}
