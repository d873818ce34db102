package dev.lifeguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start-up is the product: a lint run must not load the verify module, nor what it brings (Flyway, the JDBC
 * driver, the embedded PostgreSQL). Checked in a JVM of its own with {@code -Xlog:class+load}, since this test
 * JVM may have loaded them for other tests.
 */
class LintLoadsNothingOfVerifyTest {
    private static final List<String> FORBIDDEN = List.of("dev.lifeguard.verify.", "org.flywaydb.", "org.postgresql.",
            "io.zonky.", "org.slf4j.", "org.mariadb.");

    @Test
    void lintLoadsNoClassOfVerify(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(dir.resolve("db/migration/V1__t.sql"), "CREATE TABLE t (id int);\n");
        Files.writeString(dir.resolve("db/migration/V2__c.sql"), "ALTER TABLE t ADD COLUMN c int NOT NULL;\n");
        Files.createDirectories(dir.resolve("src"));
        // the quick path (no picocli) and the full command line (--code takes picocli's way), where picocli builds
        // every subcommand, verify's included
        List<String> quick = classesLoaded(dir, "lint", "--dialect", "postgresql", "db");
        List<String> full = classesLoaded(dir, "lint", "--dialect", "postgresql", "--code", "src", "--", "db");
        assertTrue(quick.stream().anyMatch(c -> c.startsWith("dev.lifeguard.cli.LintRunner")), "the log shows lint's classes");
        assertTrue(full.stream().anyMatch(c -> c.equals("dev.lifeguard.cli.VerifyCommand")), "picocli builds the verify command");
        for (List<String> loaded : List.of(quick, full)) {
            List<String> bad = loaded.stream().filter(c -> FORBIDDEN.stream().anyMatch(c::startsWith)).toList();
            assertEquals(List.of(), bad, "lint loaded classes of lifeguard verify");
        }
    }

    private static List<String> classesLoaded(Path dir, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), "dev.lifeguard.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "lint finished");
        assertEquals(1, p.exitValue(), out.lines().filter(l -> !l.contains("class,load")).toList().toString());
        List<String> classes = new ArrayList<>();
        for (String line : out.lines().toList()) {
            int at = line.indexOf("[class,load] ");
            if (at >= 0) {
                String rest = line.substring(at + "[class,load] ".length());
                classes.add(rest.split(" ")[0]);
            }
        }
        return classes;
    }
}
