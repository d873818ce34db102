package dev.lifeguard.verify;

import dev.lifeguard.analyzer.LoadOptions;
import dev.lifeguard.analyzer.ProjectLoader;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.engine.Engine;
import dev.lifeguard.rules.engine.EngineOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Lint reasons about locks and rewrites; verify measures them. On every PostgreSQL acceptance case
 * ({@code ../shared/acceptance/pg-*}) both run, and their verdicts per statement must agree: a statement lint says
 * blocks the application while it works through the rows (non-concurrent-index, constraint-without-not-valid,
 * add-unique-constraint, set-not-null) is one verify measured doing so (blocks-reads, blocks-writes), and one lint
 * says rewrites the table (table-rewrite, column-type-change that rewrites) is one verify saw rewritten. Where
 * they disagree one of them is wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LintAgreementTest {
    private static final Path ACCEPTANCE = Path.of("../../shared/acceptance");
    private static final Map<String, String> LINT = Map.of(
            "non-concurrent-index", "blocks", "constraint-without-not-valid", "blocks", "add-unique-constraint", "blocks",
            "set-not-null", "blocks", "table-rewrite", "rewrite");
    private static final Map<String, String> VERIFY = Map.of(
            "blocks-reads", "blocks", "blocks-writes", "blocks", "rewrites-table", "rewrite");

    /**
     * The same verdict at a different statement: lint's on the left, verify's on the right. pg-fk-without-not-valid
     * V3 adds a CHECK ... NOT VALID and VALIDATEs it in the same migration, i.e. the same transaction: the ACCESS
     * EXCLUSIVE lock of the ADD is still held while VALIDATE reads every row, so reads and writes wait for the whole
     * scan. Lint (constraint-without-not-valid) points at the VALIDATE that scans, with the ADD as related location;
     * verify points at the ADD that took the lock, saying line 2 read the rows meanwhile.
     */
    private static final Map<String, Map<String, String>> SAME_VERDICT = Map.of(
            "pg-fk-without-not-valid", Map.of("db/migration/V3__check.sql:2 blocks", "db/migration/V3__check.sql:1 blocks"));

    private SharedPostgres postgres;

    @BeforeAll
    void start() throws Exception {
        if (Files.isDirectory(ACCEPTANCE)) {
            postgres = new SharedPostgres();
        }
    }

    @AfterAll
    void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> verifyAgreesWithLintOnLocksAndRewrites() throws Exception {
        if (!Files.isDirectory(ACCEPTANCE)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("../shared/acceptance is missing (it is beside the repository in CI)");
            }
            assumeTrue(false, "../shared/acceptance is not beside the repository: skipped");
        }
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ACCEPTANCE)) {
            dirs.filter(d -> d.getFileName().toString().startsWith("pg-")).sorted().forEach(cases::add);
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> compare(c)));
    }

    private void compare(Path dir) throws Exception {
        Path root = dir.toAbsolutePath().normalize();
        Project project = new ProjectLoader().load(new LoadOptions(root, List.of("."), Dialect.POSTGRESQL, List.of()));
        List<Finding> lintFindings = new Engine(BuiltinRules.all(), EngineOptions.defaults()).lint(project).findings()
                .stream().map(f -> atStatement(f, project)).toList();
        Set<String> lint = verdicts(lintFindings, LINT);
        for (Finding f : lintFindings) {
            if (f.ruleId().equals("column-type-change") && f.message().contains("rewrit")) {
                lint.add(f.span().file() + ":" + f.span().startLine() + " rewrite");
            }
        }
        RehearsalReport report = new Rehearsal(VerifyOptions.defaults(EngineOptions.defaults()), postgres::borrowed).run(project);
        Set<String> verify = verdicts(report.findings(), VERIFY);
        // a statement that failed on the rows was not measured: its lock is not known, only that it fails
        for (Finding f : report.findings()) {
            if (f.ruleId().equals("fails-on-existing-data")) {
                String at = f.span().file() + ":" + f.span().startLine() + " ";
                lint.removeIf(v -> v.startsWith(at));
            }
        }
        SAME_VERDICT.getOrDefault(dir.getFileName().toString(), Map.of()).forEach((atLint, atVerify) -> {
            if (lint.remove(atLint)) {
                lint.add(atVerify);
            }
        });
        assertEquals(lint, verify, "lint and verify disagree on " + dir.getFileName() + ":\n" + VerifyProject.describe(report));
    }

    /** Lint points at the clause (line 2 of an ALTER TABLE), verify at the statement: compare statements. */
    private static Finding atStatement(Finding f, Project project) {
        var span = f.span();
        var source = project.source(span.file()).orElse(null);
        if (source == null || !span.hasOffsets() || span.statementStart() < 0 || span.statementStart() == span.startOffset()) {
            return f;
        }
        int line = source.lineOf(span.statementStart());
        var at = new dev.lifeguard.analyzer.model.SourceSpan(span.file(), line, 1, Math.max(line, span.endLine()), 1,
                span.statementStart(), span.endOffset());
        return new Finding(f.rule(), f.severity(), f.message(), at, f.help(), f.related(), f.fix(), f.fingerprint());
    }

    private static Set<String> verdicts(List<Finding> findings, Map<String, String> kinds) {
        Set<String> out = new TreeSet<>();
        for (Finding f : findings) {
            String kind = kinds.get(f.ruleId());
            if (kind != null) {
                out.add(f.span().file() + ":" + f.span().startLine() + " " + kind);
            }
        }
        return out;
    }
}
