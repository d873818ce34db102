package dev.lifeguard.analyzer.change;

import java.nio.file.Path;

/**
 * What the change under review did to one file. Paths are relative to the project root (a file outside it
 * starts with {@code ../}).
 *
 * @param status  added, modified, deleted or renamed (git's rename detection; a copy counts as added)
 * @param path    the file now; for a deleted file, where it was
 * @param oldPath where the file was at the base: the same as {@code path} unless renamed, null when added
 */
public record FileChange(Status status, Path path, Path oldPath) {

    public enum Status { ADDED, MODIFIED, DELETED, RENAMED }

    public static FileChange added(Path path) {
        return new FileChange(Status.ADDED, path, null);
    }

    public static FileChange modified(Path path) {
        return new FileChange(Status.MODIFIED, path, path);
    }

    public static FileChange deleted(Path path) {
        return new FileChange(Status.DELETED, path, path);
    }

    public static FileChange renamed(Path from, Path to) {
        return new FileChange(Status.RENAMED, to, from);
    }

    /** Whether the file still exists after the change, so that its findings are the reviewer's business. */
    public boolean present() {
        return status != Status.DELETED;
    }
}
