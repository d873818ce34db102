package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.liquibase.LiquibaseLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the Liquibase changelogs out of the files given. A cheap text test comes first, so that a run
 * on plain SQL never asks {@link LiquibaseLoader} (and so never pays for loading Liquibase); other XML,
 * YAML and JSON files are not migrations and are passed over without a word.
 */
public final class ChangelogCandidates {
    private static final Set<String> STRUCTURED = Set.of("xml", "yaml", "yml", "json");
    /** How much of a structured file is looked at for the root element; changelogs name it at the top. */
    private static final int PEEK_BYTES = 64 * 1024;

    private final ProjectRoot root;
    private final MigrationFiles files;

    public ChangelogCandidates(ProjectRoot root, MigrationFiles files) {
        this.root = root;
        this.files = files;
    }

    /** The root-relative changelogs among the files, in the order given. */
    public List<Path> find(List<Path> collected) {
        List<Path> changelogs = new ArrayList<>();
        for (Path file : collected) {
            String extension = PathCollector.extension(file);
            if (extension.equals("sql")) {
                // the head says it: a file too large to read is still a changelog, reported once by the loader
                String head = sqlText(file);
                if (head != null && isFormattedSql(head) && isChangelog(file, head)) {
                    changelogs.add(file);
                }
            } else if (STRUCTURED.contains(extension)) {
                String text = peek(file);
                if (text != null && text.toLowerCase(Locale.ROOT).contains("databasechangelog")
                        && isChangelog(file, text)) {
                    changelogs.add(file);
                }
            }
        }
        return changelogs;
    }

    /** Asks Liquibase's side; if that fails, the loader is the one to report the file. */
    private boolean isChangelog(Path file, String text) {
        try {
            return LiquibaseLoader.isChangelog(root.absolute(file), text);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Liquibase formatted SQL starts with this comment; a plain SQL file never mentions it. */
    static boolean isFormattedSql(String text) {
        int head = Math.min(text.length(), 4096);
        return text.substring(0, head).toLowerCase(Locale.ROOT).contains("liquibase formatted sql");
    }

    /**
     * An SQL file's text: read once for this look and for the history it then belongs to (a plain SQL file is
     * read again a moment later otherwise); its head as {@link #peek} reads it when it is not UTF-8 text, is too
     * large, or starts with the NUL bytes of UTF-16 without a byte order mark, which {@link #peek} recognises.
     */
    private String sqlText(Path file) {
        if (files instanceof DiskMigrationFiles disk && files.unsaved(file).isEmpty()) {
            Optional<String> text = disk.readUnreported(file).map(dev.lifeguard.analyzer.model.SourceFile::text);
            if (text.isPresent() && !(text.get().length() > 1 && (text.get().charAt(0) == 0 || text.get().charAt(1) == 0))) {
                return text.get();
            }
        }
        return peek(file);
    }

    /** The text of a structured file, or its head when it is too large to be read whole; null if unreadable. */
    private String peek(Path file) {
        Optional<String> unsaved = files.unsaved(file);
        if (unsaved.isPresent()) {
            return unsaved.get();
        }
        Path absolute = root.absolute(file);
        if (!root.isInside(absolute)) {
            return null;
        }
        // the head only: a changelog names its root element, top-level key or format line at the top
        try (InputStream in = SourceReader.open(absolute, Long.MAX_VALUE)) {
            return SourceReader.decodeAny(in.readNBytes(PEEK_BYTES));
        } catch (IOException e) {
            return null;
        }
    }
}
