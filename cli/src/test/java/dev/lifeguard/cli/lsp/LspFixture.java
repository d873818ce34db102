package dev.lifeguard.cli.lsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small Flyway project with a dangerous second migration, written to a real directory. */
final class LspFixture {
    static final String V1 = "db/migration/V1__create_users.sql";
    static final String V2 = "db/migration/V2__index_names.sql";
    static final String V1_TEXT = "CREATE TABLE users (\n    id bigint PRIMARY KEY,\n    name text\n);\n";
    /** Builds an index on an existing table without CONCURRENTLY and without lock_timeout. */
    static final String V2_DANGEROUS = "-- index the names\nCREATE INDEX users_name_idx ON users (name);\n";
    static final String V2_SAFE = "-- index the names\nCREATE TABLE audit_log (id bigint PRIMARY KEY);\n";
    static final String NOT_A_MIGRATION = "config/settings.yaml";

    private LspFixture() {
    }

    static Path write(Path root) {
        write(root, V1, V1_TEXT);
        write(root, V2, V2_DANGEROUS);
        write(root, NOT_A_MIGRATION, "server:\n  port: 8080\n");
        return root;
    }

    static void write(Path root, String relative, String text) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String uri(Path root, String relative) {
        return root.resolve(relative).toUri().toString();
    }
}
