package dev.lifeguard.cli.lsp;

import dev.lifeguard.rules.BuiltinRules;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server in this JVM, driven over piped streams by lsp4j's client launcher, as an editor drives it. */
class LifeguardLanguageServerTest {
    @TempDir
    Path root;
    private LspTestClient client;
    private Thread serverThread;

    @BeforeEach
    void start() throws Exception {
        LspFixture.write(root);
        // NIO pipes, not java.io's piped streams: those fail a read once the thread that last wrote has ended
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        InputStream serverIn = Channels.newInputStream(up.source());
        OutputStream toServer = Channels.newOutputStream(up.sink());
        InputStream clientIn = Channels.newInputStream(down.source());
        OutputStream toClient = Channels.newOutputStream(down.sink());
        serverThread = new Thread(() -> LspServer.serve(BuiltinRules.all(), "test", serverIn, toClient), "lsp-server");
        serverThread.setDaemon(true);
        serverThread.start();
        client = LspTestClient.connect(clientIn, toServer);
        client.initialize(root);
    }

    @AfterEach
    void stop() throws Exception {
        client.server.shutdown().get(30, TimeUnit.SECONDS);
        client.server.exit();
        serverThread.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(!serverThread.isAlive(), "the server stops after exit");
    }

    @Test
    void dangerousMigrationGetsDiagnosticsFixesHoverAndIsClearedWhenMadeSafe() throws Exception {
        String uri = LspFixture.uri(root, LspFixture.V2);
        client.open(uri, "sql", LspFixture.V2_DANGEROUS);

        PublishDiagnosticsParams published = client.next(uri);
        List<Diagnostic> diagnostics = sorted(published.getDiagnostics());
        assertEquals(List.of("missing-lock-timeout", "non-concurrent-index"), codes(diagnostics));
        Diagnostic index = diagnostics.get(1);
        // "CREATE INDEX users_name_idx ON users (name);" is the whole of line 2 (0-based 1)
        assertEquals(new Range(new Position(1, 0), new Position(1, 43)), index.getRange());
        assertEquals(DiagnosticSeverity.Error, index.getSeverity());
        assertEquals("lifeguard", index.getSource());
        assertTrue(index.getMessage().contains("without CONCURRENTLY"), index.getMessage());
        assertTrue(index.getCodeDescription().getHref().endsWith("docs/rules/non-concurrent-index.md"),
                index.getCodeDescription().getHref());
        assertEquals(DiagnosticSeverity.Warning, diagnostics.get(0).getSeverity());

        List<CodeAction> actions = codeActions(uri, index.getRange());
        CodeAction concurrently = actions.stream().filter(a -> a.getTitle().equals("Add CONCURRENTLY")).findFirst().orElseThrow();
        assertTrue(concurrently.getIsPreferred());
        String fixed = apply(LspFixture.V2_DANGEROUS, concurrently.getEdit().getChanges().get(uri));
        assertEquals("-- index the names\nCREATE INDEX CONCURRENTLY users_name_idx ON users (name);\n", fixed);
        CodeAction suppress = actions.stream().filter(a -> a.getTitle().startsWith("Suppress non-concurrent-index"))
                .findFirst().orElseThrow();
        assertEquals("-- index the names\n-- lifeguard:ignore non-concurrent-index TODO say why this is safe\n"
                + "CREATE INDEX users_name_idx ON users (name);\n", apply(LspFixture.V2_DANGEROUS, suppress.getEdit().getChanges().get(uri)));

        Hover hover = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(1, 10))).get(30, TimeUnit.SECONDS);
        String markdown = hover.getContents().getRight().getValue();
        assertTrue(markdown.contains("**non-concurrent-index**"), markdown);
        assertTrue(markdown.contains("CREATE INDEX CONCURRENTLY"), markdown); // the rule's help
        assertNull(client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(0, 3))).get(30, TimeUnit.SECONDS), "no hover on the comment line");

        change(uri, 2, LspFixture.V2_SAFE);
        PublishDiagnosticsParams cleared = client.next(uri);
        assertEquals(2, cleared.getVersion());
        assertEquals(List.of(), cleared.getDiagnostics());
    }

    @Test
    void fileThatIsNoMigrationGetsNoDiagnostics() throws Exception {
        String uri = LspFixture.uri(root, LspFixture.NOT_A_MIGRATION);
        client.open(uri, "yaml", "server:\n  port: 8080\n");
        assertEquals(List.of(), client.next(uri).getDiagnostics());
    }

    @Test
    void otherMigrationsOfTheHistoryAreReadFromDiskAsContext() throws Exception {
        // V1__again.sql shares V1__create_users.sql's version: only the file on disk can tell
        String again = "db/migration/V1__again.sql";
        LspFixture.write(root, again, "SELECT 1;\n");
        String uri = LspFixture.uri(root, again);
        client.open(uri, "sql", "SELECT 2;\n");

        List<Diagnostic> diagnostics = client.next(uri).getDiagnostics();
        assertEquals(List.of("duplicate-version"), codes(diagnostics));
        var related = diagnostics.get(0).getRelatedInformation();
        assertEquals(1, related.size());
        assertEquals(LspFixture.uri(root, LspFixture.V1), related.get(0).getLocation().getUri());
        assertEquals(new Range(new Position(0, 0), new Position(0, 20)), related.get(0).getLocation().getRange());
    }

    @Test
    void liquibaseYamlChangelogIsLintedFromTheEditorsText() throws Exception {
        String changelog = "db/changelog/db.changelog-master.yaml";
        String created = "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: a\n"
                + "      changes:\n        - createTable:\n            tableName: accounts\n"
                + "            columns:\n              - column:\n                  name: id\n                  type: bigint\n";
        LspFixture.write(root, changelog, created);
        String dropped = created + "  - changeSet:\n      id: 2\n      author: a\n      changes:\n"
                + "        - dropTable:\n            tableName: accounts\n";
        String uri = LspFixture.uri(root, changelog);
        client.open(uri, "yaml", dropped);

        List<Diagnostic> diagnostics = client.next(uri).getDiagnostics();
        Diagnostic drop = diagnostics.stream().filter(d -> d.getCode().getLeft().equals("drop-table")).findFirst()
                .orElseThrow(() -> new AssertionError(codes(diagnostics).toString()));
        assertEquals(15, drop.getRange().getStart().getLine(), drop.toString()); // the dropTable line
        CodeAction suppress = codeActions(uri, drop.getRange()).stream()
                .filter(a -> a.getTitle().startsWith("Suppress drop-table")).findFirst().orElseThrow();
        String suppressed = apply(dropped, suppress.getEdit().getChanges().get(uri));
        assertTrue(suppressed.contains("\n        # lifeguard:ignore drop-table TODO say why this is safe\n        - dropTable:"),
                suppressed);
    }

    @Test
    void suppressionWrittenByTheCodeActionHidesTheFindingOnRelint() throws Exception {
        String uri = LspFixture.uri(root, LspFixture.V2);
        client.open(uri, "sql", LspFixture.V2_DANGEROUS);
        Diagnostic index = sorted(client.next(uri).getDiagnostics()).get(1);
        assertEquals("non-concurrent-index", index.getCode().getLeft());
        CodeAction suppress = codeActions(uri, index.getRange()).stream()
                .filter(a -> a.getTitle().startsWith("Suppress non-concurrent-index")).findFirst().orElseThrow();

        change(uri, 2, apply(LspFixture.V2_DANGEROUS, suppress.getEdit().getChanges().get(uri)));
        // the suppressor reads what the code action wrote: no unused-suppression, no suppression-without-reason
        assertEquals(List.of("missing-lock-timeout"), codes(client.next(uri).getDiagnostics()));
    }

    @Test
    void lifeguardYmlTurnsRulesOffAndChangesTheirSeverity() throws Exception {
        LspFixture.write(root, "lifeguard.yml", "rules:\n  non-concurrent-index: off\n  missing-lock-timeout: note\n");
        String uri = LspFixture.uri(root, LspFixture.V2);
        client.open(uri, "sql", LspFixture.V2_DANGEROUS);
        List<Diagnostic> diagnostics = client.next(uri).getDiagnostics();
        assertEquals(List.of("missing-lock-timeout"), codes(diagnostics));
        assertEquals(DiagnosticSeverity.Information, diagnostics.get(0).getSeverity());
    }

    @Test
    void lifeguardYmlSetsTheDialect() throws Exception {
        String twoTables = "CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (id bigint PRIMARY KEY);\n";
        String uri = LspFixture.uri(root, LspFixture.V2);
        client.open(uri, "sql", twoTables);
        assertEquals(List.of(), codes(client.next(uri).getDiagnostics()), "PostgreSQL DDL is transactional");

        // saving lifeguard.yml lints the open migrations again with what it says now
        LspFixture.write(root, "lifeguard.yml", "dialect: mysql\n");
        save(LspFixture.uri(root, "lifeguard.yml"));
        assertEquals(List.of("non-atomic-migration"), codes(client.next(uri).getDiagnostics()));
    }

    @Test
    void brokenLifeguardYmlIsMarkedOnItsLineAndTheDefaultsApply() throws Exception {
        String config = LspFixture.uri(root, "lifeguard.yml");
        Diagnostic mistake = openWithBrokenConfig("dialect: postgresql\nrulez:\n  drop-table: off\n");
        assertEquals(new Range(new Position(1, 0), new Position(1, 6)), mistake.getRange());
        assertEquals(DiagnosticSeverity.Error, mistake.getSeverity());
        assertTrue(mistake.getMessage().startsWith("unknown key 'rulez'"), mistake.getMessage());
        assertTrue(client.log.contains("lifeguard: lifeguard.yml:2: unknown key 'rulez' (known: dialect, target-version,"
                + " migrations, code, exclude, start-after, rules, lock-timeout, docs-url, liquibase, deploy) (linting with the default settings until it is fixed)"),
                client.log.toString());

        // opened in the editor, lifeguard.yml is checked as it is typed
        client.open(config, "yaml", "dialect: postgresql\nrules:\n  no-such-rule: off\n");
        Diagnostic typed = client.next(config).getDiagnostics().get(0);
        assertEquals(2, typed.getRange().getStart().getLine());
        assertTrue(typed.getMessage().startsWith("unknown rule id 'no-such-rule'"), typed.getMessage());
        change(config, 2, "dialect: postgresql\nrules:\n  non-concurrent-index: off\n");
        assertEquals(List.of(), client.next(config).getDiagnostics());
    }

    @Test
    void fixingLifeguardYmlOnDiskClearsItsErrorAndAppliesIt() throws Exception {
        String config = LspFixture.uri(root, "lifeguard.yml");
        String uri = LspFixture.uri(root, LspFixture.V2);
        assertTrue(openWithBrokenConfig("rules:\n  non-concurrent-index: of\n").getMessage().startsWith("unknown severity"));

        LspFixture.write(root, "lifeguard.yml", "rules:\n  non-concurrent-index: off\n");
        save(config);
        assertEquals(List.of("missing-lock-timeout"), codes(client.next(uri).getDiagnostics()));
        assertEquals(List.of(), client.next(config).getDiagnostics());
    }

    /**
     * Edits typed faster than a lint runs: a lint whose document has a newer version is abandoned (its
     * check for cancellation throws), the queued lints of older versions lint the newest text once, and only
     * the newest version's diagnostics are ever published. The first lint of this 500-migration project reads
     * and parses them all, far longer than the protocol takes to read the nine edits sent right after it.
     */
    @Test
    void supersededVersionsAreNeverPublished() throws Exception {
        for (int i = 3; i < 503; i++) {
            LspFixture.write(root, "db/migration/V" + i + "__t" + i + ".sql", "CREATE TABLE t" + i + " (id bigint PRIMARY KEY);\n");
        }
        String last = "db/migration/V503__edited.sql";
        LspFixture.write(root, last, "SELECT 1;\n");
        String uri = LspFixture.uri(root, last);
        client.open(uri, "sql", "ALTER TABLE t3 DROP COLUMN id;\n");
        for (int v = 2; v <= 9; v++) {
            change(uri, v, "CREATE TABLE u" + v + " (id bigint PRIMARY KEY);\n");
        }
        change(uri, 10, "CREATE INDEX t4_id ON t4 (id);\n");
        List<Integer> versions = new java.util.ArrayList<>();
        PublishDiagnosticsParams published;
        do {
            published = client.next(uri);
            versions.add(published.getVersion());
        } while (published.getVersion() != 10);
        assertEquals(List.of(10), versions, "only the newest version is published");
        assertEquals(List.of("missing-lock-timeout", "non-concurrent-index"), codes(published.getDiagnostics()));
    }

    /**
     * referenced-by-code while typing: the code index is part of the warm model, and a Java file the client's
     * watcher reports changed is indexed again (that file only), so the finding follows the code.
     */
    @Test
    void referencedByCodeFollowsAJavaFileTheWatcherReportsChanged() throws Exception {
        String entity = "src/main/java/com/shop/User.java";
        String mapped = "package com.shop;\n\nimport jakarta.persistence.*;\n\n@Entity\n@Table(name = \"users\")\n"
                + "public class User {\n    @Id\n    private Long id;\n    private String name;\n}\n";
        LspFixture.write(root, entity, mapped);
        String drop = "db/migration/V3__drop_name.sql";
        String dropText = "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN name;\n";
        LspFixture.write(root, drop, dropText);
        String uri = LspFixture.uri(root, drop);
        client.open(uri, "sql", dropText);
        assertTrue(codes(client.next(uri).getDiagnostics()).contains("referenced-by-code"));

        // typing in the migration keeps the finding
        change(uri, 2, dropText + "-- typing\n");
        assertTrue(codes(client.next(uri).getDiagnostics()).contains("referenced-by-code"));

        // the entity stops mapping the column, saved outside this document and reported by the watcher
        LspFixture.write(root, entity, mapped.replace("    private String name;\n", ""));
        client.server.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(
                List.of(new org.eclipse.lsp4j.FileEvent(LspFixture.uri(root, entity), org.eclipse.lsp4j.FileChangeType.Changed))));
        List<String> after = codes(client.next(uri).getDiagnostics());
        assertTrue(!after.contains("referenced-by-code") && after.contains("drop-column"), after.toString());
    }

    /**
     * The server reads each workspace folder as soon as the editor opens it (so the first migration opened is
     * checked warm); a lifeguard.yml written after that read still applies to the first lint.
     */
    @Test
    void theWorkspaceIsReadWhenOpenedAndALaterLifeguardYmlStillApplies() throws Exception {
        String read = client.awaitLog("lifeguard read ");
        assertTrue(read.contains(root.getFileName().toString()) && read.endsWith(" ms"), read);
        LspFixture.write(root, "lifeguard.yml", "rules:\n  missing-lock-timeout: off\n");
        String uri = LspFixture.uri(root, LspFixture.V2);
        client.open(uri, "sql", LspFixture.V2_DANGEROUS);
        assertEquals(List.of("non-concurrent-index"), codes(client.next(uri).getDiagnostics()));
    }

    /** Opens the dangerous migration under a broken lifeguard.yml: the defaults apply; returns the error on lifeguard.yml. */
    private Diagnostic openWithBrokenConfig(String yaml) throws Exception {
        LspFixture.write(root, "lifeguard.yml", yaml);
        String uri = LspFixture.uri(root, LspFixture.V2);
        client.open(uri, "sql", LspFixture.V2_DANGEROUS);
        assertEquals(List.of("missing-lock-timeout", "non-concurrent-index"), codes(client.next(uri).getDiagnostics()));
        List<Diagnostic> published = client.next(LspFixture.uri(root, "lifeguard.yml")).getDiagnostics();
        assertEquals(1, published.size(), published.toString());
        return published.get(0);
    }

    private List<CodeAction> codeActions(String uri, Range range) throws Exception {
        CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), range, new CodeActionContext(List.of()));
        return client.server.getTextDocumentService().codeAction(params).get(30, TimeUnit.SECONDS).stream()
                .map(Either::getRight).toList();
    }

    private void save(String uri) {
        client.server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    private void change(String uri, int version, String text) {
        client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        return diagnostics.stream().sorted(Comparator.comparing(d -> d.getCode().getLeft())).toList();
    }

    static List<String> codes(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.getCode().getLeft()).sorted().toList();
    }

    /** Applies edits the way an editor does: from the last to the first, so earlier positions stay valid. */
    static String apply(String text, List<TextEdit> edits) throws IOException {
        dev.lifeguard.analyzer.model.SourceFile source = new dev.lifeguard.analyzer.model.SourceFile(Path.of("x"), text);
        DocumentText doc = new DocumentText(source);
        StringBuilder out = new StringBuilder(text);
        edits.stream().sorted(Comparator.comparing((TextEdit e) -> doc.offset(e.getRange().getStart())).reversed())
                .forEach(e -> out.replace(doc.offset(e.getRange().getStart()), doc.offset(e.getRange().getEnd()), e.getNewText()));
        return out.toString();
    }
}
