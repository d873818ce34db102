package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.SourceFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The files layouts may look at, by root-relative path. Kept behind an interface so that layout detection
 * and up/down pairing are tested on names and texts alone, without a disk.
 */
public interface MigrationFiles {

    /** Names of the readable files directly in a directory (a reverse script need not have been given). */
    List<Path> list(Path directory);

    /** The text of a file; empty when it cannot be read, in which case the reason is recorded as a problem. */
    Optional<SourceFile> read(Path file);

    /** The text an editor holds for a file that differs from (or is missing on) disk, if any. */
    default Optional<String> unsaved(Path file) {
        return Optional.empty();
    }

    /**
     * What {@code look} finds in a file's text; empty when the file cannot be read. Discovery asks about file
     * contents through here, so that an editor's cache can tell whether an edit changed anything discovery
     * looked at ({@code look} must be a pure function of the text).
     */
    default <T> Optional<T> probe(Path file, Function<String, T> look) {
        return read(file).map(SourceFile::text).map(look);
    }

    /**
     * The first {@code bytes} bytes of a file, decoded as Liquibase decodes a changelog (a look at what kind of
     * file it is, which works on a file too large to read whole); empty when it cannot be read.
     */
    default Optional<String> head(Path file, int bytes) {
        return read(file).map(SourceFile::text);
    }

    /**
     * What {@code look} finds in the text an editor holds for the file, else in its {@link #head}: as
     * {@link #probe}, a pure function of that text, so that a cache can tell whether an edit changed the answer.
     */
    default <T> Optional<T> peek(Path file, int bytes, Function<String, T> look) {
        return unsaved(file).or(() -> head(file, bytes)).map(look);
    }

    default boolean exists(Path file) {
        return list(parentOf(file)).contains(file);
    }

    /** The directory of a root-relative file; the root itself is the empty path. */
    static Path parentOf(Path file) {
        Path parent = file.getParent();
        return parent == null ? Path.of("") : parent;
    }

    static String nameOf(Path file) {
        return file.getFileName().toString();
    }
}
