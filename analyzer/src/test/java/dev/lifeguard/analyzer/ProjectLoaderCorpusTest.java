package dev.lifeguard.analyzer;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Project;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads the shared acceptance cases and the real-world corpus (outside this repository: set
 * {@code -Dlifeguard.shared=DIR}, default {@code ../../shared} from the module) and checks that each
 * directory became the histories its tool would migrate, with every migration's statements read.
 */
class ProjectLoaderCorpusTest {

    private record Shape(Framework framework, int histories, int migrations) {
    }

    /** Per acceptance case: the layout, number of histories and migrations (Liquibase: changeSets). */
    private static final Map<String, Shape> CASES = Map.ofEntries(
            Map.entry("app-managed-schema", new Shape(Framework.FLYWAY, 1, 1)),
            Map.entry("flyway-duplicate-version", new Shape(Framework.FLYWAY, 1, 3)),
            Map.entry("flyway-missing-undo", new Shape(Framework.FLYWAY, 1, 2)),
            Map.entry("golang-migrate-missing-down", new Shape(Framework.GOLANG_MIGRATE, 1, 2)),
            Map.entry("liquibase-concurrently-in-transaction", new Shape(Framework.LIQUIBASE, 1, 3)),
            Map.entry("liquibase-xml-hazards", new Shape(Framework.LIQUIBASE, 1, 4)),
            Map.entry("liquibase-yaml-include", new Shape(Framework.LIQUIBASE, 1, 2)),
            Map.entry("mysql-change-column", new Shape(Framework.FLYWAY, 1, 2)),
            Map.entry("parse-error-does-not-hide", new Shape(Framework.FLYWAY, 1, 2)),
            Map.entry("pg-column-type-change", new Shape(Framework.FLYWAY, 1, 2)),
            Map.entry("pg-concurrent-index", new Shape(Framework.FLYWAY, 1, 2)),
            Map.entry("pg-expand-contract-clean", new Shape(Framework.FLYWAY, 1, 2)),
            Map.entry("pg-fk-without-not-valid", new Shape(Framework.FLYWAY, 1, 3)),
            Map.entry("pg-non-concurrent-index", new Shape(Framework.FLYWAY, 1, 2)),
            Map.entry("pg-not-null-on-new-table", new Shape(Framework.FLYWAY, 1, 1)),
            Map.entry("pg-not-null-with-default", new Shape(Framework.FLYWAY, 1, 2)),
            Map.entry("pg-not-null-without-default", new Shape(Framework.FLYWAY, 1, 2)),
            Map.entry("pg-rename-column", new Shape(Framework.FLYWAY, 1, 2)),
            Map.entry("pg-rename-table", new Shape(Framework.FLYWAY, 1, 2)),
            Map.entry("pg-set-not-null", new Shape(Framework.FLYWAY, 1, 2)),
            Map.entry("pg-unbounded-update", new Shape(Framework.FLYWAY, 1, 2)),
            Map.entry("pg-varchar-widening", new Shape(Framework.FLYWAY, 1, 2)),
            Map.entry("referenced-by-code-jpa", new Shape(Framework.FLYWAY, 1, 2)));

    /**
     * Per corpus run ("corpus dialect"): histories and migrations; -1 when only "some" is known. kratos
     * mysql: the 323 *.mysql.up.sql files, plus 5 generic up files that popx runs on MySQL with a
     * *.mysql.down.sql given (a down file is checked with its up file).
     */
    private static final Map<String, Shape> CORPUS = Map.of(
            "fineract postgresql", new Shape(Framework.LIQUIBASE, -1, -1),
            "keel mysql", new Shape(Framework.LIQUIBASE, 1, -1),
            "killbill mysql", new Shape(Framework.FLYWAY, 11, 73),
            "kestra postgresql", new Shape(Framework.FLYWAY, 1, 26),
            "kestra mysql", new Shape(Framework.FLYWAY, 1, 24),
            "harbor postgresql", new Shape(Framework.GOLANG_MIGRATE, 1, 39),
            "kratos postgresql", new Shape(Framework.GOLANG_MIGRATE, 1, 279),
            "kratos mysql", new Shape(Framework.GOLANG_MIGRATE, 1, 328),
            "supabase-postgres postgresql", new Shape(Framework.DBMATE, 1, 30));

    /**
     * The shared directory, or null when it is absent: then every expected case is reported as skipped, with the
     * reason, rather than silently not generated; under CI (CI=true) its absence fails the run.
     */
    private static Path shared() {
        Path shared = SharedFiles.root();
        if (Files.isDirectory(shared.resolve("acceptance"))) {
            return shared;
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isEmpty() && !ci.equals("false")) {
            org.junit.jupiter.api.Assertions.fail("the shared cases are missing at " + shared + " (CI must have them)");
        }
        return null;
    }

    private static Stream<DynamicTest> skipped(Set<String> names) {
        String reason = "../shared (the project's shared acceptance cases and corpus) is not beside this checkout";
        return names.stream().sorted().map(name -> DynamicTest.dynamicTest(name,
                () -> org.junit.jupiter.api.Assumptions.abort(reason)));
    }

    @TestFactory
    Stream<DynamicTest> acceptanceCases() throws IOException {
        if (shared() == null) {
            return skipped(CASES.keySet());
        }
        Path acceptance = shared().resolve("acceptance");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> cases = Files.list(acceptance)) {
            for (Path dir : cases.filter(d -> Files.isRegularFile(d.resolve("EXPECT"))).sorted().toList()) {
                String name = dir.getFileName().toString();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Shape shape = CASES.get(name);
                    assertTrue(shape != null, "no expected shape for new case " + name);
                    Project project = new ProjectLoader().load(new LoadOptions(dir, List.of("."), dialectOf(dir), List.of()));
                    assertShape(shape, project);
                    assertTrue(project.problems().isEmpty(), project.problems().toString());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> corpusRuns() throws IOException {
        if (shared() == null) {
            return skipped(CORPUS.keySet());
        }
        Path corpus = shared().resolve("corpus");
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("RUNS.tsv")).stream().skip(1).toList()) {
            String[] cols = line.split("\t");
            if (cols.length < 3) {
                continue;
            }
            String key = cols[0] + " " + cols[1];
            tests.add(DynamicTest.dynamicTest(key, () -> {
                Dialect dialect = Dialect.parse(cols[1]).orElseThrow();
                List<String> paths = Arrays.asList(cols[2].trim().split("\\s+"));
                Project project = new ProjectLoader().load(
                        new LoadOptions(corpus.resolve(cols[0]), paths, dialect, List.of()));
                Shape shape = CORPUS.get(key);
                assertTrue(shape != null, "no expected shape for new run " + key);
                assertShape(shape, project);
                // every file read has its text; paths stay relative to the corpus root
                for (History h : project.histories()) {
                    assertFalse(h.location().isAbsolute());
                    for (Migration m : h.migrations()) {
                        assertTrue(project.source(m.file()).isPresent(), m.file().toString());
                    }
                }
            }));
        }
        return tests.stream();
    }

    private static void assertShape(Shape shape, Project project) {
        if (shape.histories() >= 0) {
            assertEquals(shape.histories(), project.histories().size(), () -> "histories: " + project.histories().stream()
                    .map(h -> h.location() + " " + h.framework()).toList());
        } else {
            assertFalse(project.histories().isEmpty());
        }
        for (History h : project.histories()) {
            assertEquals(shape.framework(), h.framework(), h.location().toString());
        }
        if (shape.migrations() >= 0) {
            assertEquals(shape.migrations(), project.migrationCount());
        } else {
            assertTrue(project.migrationCount() > 0);
        }
        // statements were read: only a file with nothing but comments (popx keeps empty no-op files) has none
        List<String> unread = project.histories().stream().flatMap(h -> h.migrations().stream())
                .filter(m -> m.framework() != Framework.LIQUIBASE && m.operations().isEmpty())
                .filter(m -> project.source(m.file()).map(f -> hasStatements(f.text())).orElse(true))
                .map(m -> m.file().toString()).toList();
        assertTrue(unread.isEmpty(), "migrations without operations: " + unread);
        // a changeSet may hold only preconditions (fineract has two); most hold changes
        List<Migration> changeSets = project.histories().stream().flatMap(h -> h.migrations().stream())
                .filter(m -> m.framework() == Framework.LIQUIBASE).toList();
        long empty = changeSets.stream().filter(m -> m.operations().isEmpty()).count();
        assertTrue(empty * 50 <= changeSets.size(), empty + " of " + changeSets.size() + " changeSets without operations");
    }

    private static boolean hasStatements(String text) {
        return !text.replaceAll("(?m)^\\s*--.*$", "").replaceAll("(?s)/\\*.*?\\*/", "").isBlank();
    }

    private static Dialect dialectOf(Path caseDir) throws IOException {
        for (String line : Files.readAllLines(caseDir.resolve("EXPECT"))) {
            if (line.startsWith("dialect:")) {
                return Dialect.parse(line.substring("dialect:".length())).orElse(null);
            }
        }
        return null;
    }
}
