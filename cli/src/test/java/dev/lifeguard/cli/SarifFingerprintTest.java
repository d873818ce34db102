package dev.lifeguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Code scanning matches an alert across commits by its partialFingerprints: a finding that only moves down
 * the file (a comment or a statement added above it) must keep its fingerprint, or GitHub would close the
 * alert and open a new one. Read and linted for real, through the CLI.
 */
class SarifFingerprintTest {
    @TempDir
    Path dir;

    private static final String V1 = "CREATE TABLE users (id bigint PRIMARY KEY, name text, email text);\n";
    private static final String V2 = """
            ALTER TABLE users RENAME COLUMN name TO full_name;
            ALTER TABLE users DROP COLUMN email;
            """;

    private List<String> results(String v2) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__users.sql"), V1);
        Files.writeString(migrations.resolve("V2__change.sql"), v2);
        CliRun r = CliRun.run(dir, Map.of(), LintRunner.PROJECT_LOADER, "lint", "--format", "sarif", "--fail-on", "never");
        assertEquals(0, r.exitCode(), r.err());
        List<String> out = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(r.out()).at("/runs/0/results")) {
            out.add(result.path("ruleId").asText() + " line " + result.at("/locations/0/physicalLocation/region/startLine").asInt()
                    + " " + result.at("/partialFingerprints/lifeguard~1v1").asText());
        }
        return out;
    }

    @Test
    void shiftingLinesKeepsTheFingerprints() throws Exception {
        List<String> before = results(V2);
        List<String> after = results("-- a comment\n-- and another\n\n" + V2.replace("DROP COLUMN", "DROP   COLUMN"));
        assertEquals(before.size(), after.size(), before + " / " + after);
        assertEquals(List.of("rename-column", "drop-column"), before.stream().map(s -> s.split(" ")[0])
                .filter(id -> id.equals("rename-column") || id.equals("drop-column")).toList());
        for (int i = 0; i < before.size(); i++) {
            String[] b = before.get(i).split(" ");
            String[] a = after.get(i).split(" ");
            assertEquals(b[0], a[0]);
            assertEquals(Integer.parseInt(b[2]) + 3, Integer.parseInt(a[2]), "the finding moved down");
            assertEquals(b[3], a[3], "same fingerprint for " + b[0]);
        }
    }

    @Test
    void changingTheStatementChangesItsFingerprint() throws Exception {
        String before = results(V2).stream().filter(s -> s.startsWith("rename-column")).findFirst().orElseThrow();
        String after = results(V2.replace("full_name", "display_name")).stream()
                .filter(s -> s.startsWith("rename-column")).findFirst().orElseThrow();
        assertNotEquals(before.split(" ")[3], after.split(" ")[3]);
    }
}
