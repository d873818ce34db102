package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.liquibase.LiquibaseLoader;

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
    /**
     * How much of a file is looked at (the editor's text, else the head on the disk): a changelog names its
     * root element, top-level key or format line at the top, and a file too large to read whole is still
     * recognised, then reported once by the loader.
     */
    private static final int PEEK_BYTES = 64 * 1024;

    private final ProjectRoot root;
    private final MigrationFiles files;

    public ChangelogCandidates(ProjectRoot root, MigrationFiles files) {
        this.root = root;
        this.files = files;
    }

    /** The root-relative changelogs among the files, in the order given. */
    public List<Path> find(List<Path> collected) {
        if (files instanceof DiskMigrationFiles disk) {
            // every SQL file is read whole below (and kept for the history): a long history is read on all cores
            disk.prefetch(collected.stream().filter(f -> PathCollector.extension(f).equals("sql")).toList());
        }
        List<Path> changelogs = new ArrayList<>();
        for (Path file : collected) {
            String extension = PathCollector.extension(file);
            if (extension.equals("sql")) {
                if (sqlChangelog(file)) {
                    changelogs.add(file);
                }
            } else if (STRUCTURED.contains(extension)) {
                if (files.peek(file, PEEK_BYTES, head -> head.toLowerCase(Locale.ROOT).contains("databasechangelog")
                        && isChangelog(file, head)).orElse(false)) {
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
     * Whether an SQL file is a Liquibase formatted-SQL changelog. On disk, a plain SQL file is read whole a
     * moment later as a migration, so the look reads it whole once for both (a probe: nothing is recorded if it
     * cannot be read); a file not read whole (too large, unreadable) or read as UTF-16 without a byte order mark
     * (NUL bytes among the first characters) is judged by its head, which recognises those. Elsewhere (an
     * editor's warm store, which keeps heads) and for an editor's unsaved text, the head or that text.
     */
    private boolean sqlChangelog(Path file) {
        if (files instanceof DiskMigrationFiles && files.unsaved(file).isEmpty()) {
            Optional<Boolean> whole = files.probe(file, text -> text.length() > 1 && (text.charAt(0) == 0 || text.charAt(1) == 0)
                    ? null : isFormattedSql(text) && isChangelog(file, text));
            if (whole.isPresent()) {
                return whole.get();
            }
        }
        return files.peek(file, PEEK_BYTES, head -> isFormattedSql(head) && isChangelog(file, head)).orElse(false);
    }
}
