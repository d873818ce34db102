package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Reverse;

import java.nio.file.Path;

/**
 * A migration found by its layout, before its SQL is parsed: which file (or region of it) holds the
 * forward statements and which holds the reverse.
 *
 * @param id          the tool's name for it (version, file or directory name)
 * @param version     the canonical version for ordering and duplicate detection, null when there is none
 * @param description from the name
 * @param kind        versioned or repeatable
 * @param file        the root-relative file
 * @param region      the part of the file holding the forward statements
 * @param transaction how the tool runs it
 * @param reverse     where its reverse is
 * @param baseline    a baseline migration, applied only to an empty database (Flyway {@code B<version>__})
 */
public record PlannedMigration(String id, String version, String description, Migration.Kind kind, Path file,
                               Region region, TransactionMode transaction, PlannedReverse reverse, boolean baseline) {

    /** A migration that is not a baseline. */
    public PlannedMigration(String id, String version, String description, Migration.Kind kind, Path file,
                            Region region, TransactionMode transaction, PlannedReverse reverse) {
        this(id, version, description, kind, file, region, transaction, reverse, false);
    }

    /** Characters [start, end) of a file; end -1 means to the end of the file. */
    public record Region(int start, int end) {
        public static final Region WHOLE_FILE = new Region(0, -1);

        public int endIn(String text) {
            return end < 0 ? text.length() : end;
        }
    }

    /**
     * Where the reverse is: a separate file ({@link Reverse.Kind#SCRIPT}), a region of the same file
     * ({@link Reverse.Kind#ROLLBACK_BLOCK}, which becomes NONE when it holds no statement), or nothing.
     */
    public record PlannedReverse(Reverse.Kind kind, Path file, Region region) {
        public static final PlannedReverse NONE = new PlannedReverse(Reverse.Kind.NONE, null, null);

        public static PlannedReverse script(Path file) {
            return new PlannedReverse(Reverse.Kind.SCRIPT, file, Region.WHOLE_FILE);
        }
    }
}
