package dev.lifeguard.analyzer.warm;

import dev.lifeguard.analyzer.discovery.FileSource;
import dev.lifeguard.analyzer.discovery.ProjectRoot;
import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * File texts and directory listings read once and kept: the disk side of an editor's warm project. An entry
 * stays until it is invalidated, by the editor saying the file changed ({@link #changed}) or by a
 * {@link #sweep} that compares every kept file's and directory's modification time, size and identity
 * (inode) with the disk, which catches what no editor event reports (a {@code git checkout}). Reads of
 * unchanged files never touch the disk; {@link #diskReads} counts the ones that did.
 *
 * <p>Each unchanged file is one {@link SourceFile} instance, so caches above this one (parsed SQL, loaded
 * changelogs) recognise an unchanged text by identity, without comparing texts.
 */
public final class FileStore implements FileSource {

    /** What the disk said about a path when it was read. */
    private record Stamp(long modified, long size, Object key, boolean exists) {
        static Stamp of(Path absolute) {
            try {
                BasicFileAttributes a = Files.readAttributes(absolute, BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size(), a.fileKey(), true);
            } catch (IOException | RuntimeException e) {
                return new Stamp(0, 0, null, false);
            }
        }
    }

    private static final class Entry {
        final Stamp stamp;
        volatile SourceReader.Result strict;
        volatile SourceFile lenient;
        /** The head read of a file larger than the head (a look at what kind of file it is). */
        volatile String head;

        Entry(Stamp stamp) {
            this.stamp = stamp;
        }
    }

    private record Listing(Stamp stamp, List<Path> files) {
    }

    private final Path root;
    /** By root-relative path, as the loaders ask: no path is resolved for a file that is kept. */
    private final Map<Path, Entry> files = new ConcurrentHashMap<>();
    private final Map<Path, Listing> listings = new ConcurrentHashMap<>();
    private final Map<Path, AtomicLong> readsByFile = new ConcurrentHashMap<>();
    private final AtomicLong diskReads = new AtomicLong();

    /** @param root the project root (absolute, normalized) */
    public FileStore(Path root) {
        this.root = root;
    }

    @Override
    public SourceReader.Result read(ProjectRoot root, Path relative) {
        Entry known = files.get(relative);
        if (known != null && known.strict != null) {
            return known.strict;
        }
        Path absolute = root.absolute(relative);
        Entry e = entry(relative, absolute);
        SourceReader.Result result;
        if (!root.isInside(absolute)) {
            result = new SourceReader.Result(null, new LoadProblem(SourceSpan.startOf(relative),
                    "file lies outside the project root: not read"));
        } else {
            count(absolute);
            result = SourceReader.readOnDisk(relative, absolute); // the command line's capped read, its messages
        }
        e.strict = result;
        return result;
    }

    @Override
    public SourceFile readLenient(Path absolute, Path relative) throws IOException {
        Entry e = entry(relative, absolute);
        SourceFile known = e.lenient;
        if (known != null && known.path().equals(relative)) {
            return known;
        }
        SourceReader.Result strict = e.strict;
        SourceFile file;
        if (strict != null && strict.file() != null && strict.file().path().equals(relative)
                && decodesAlike(strict.file().text())) {
            file = strict.file(); // one instance for both readers: caches above recognise it
        } else {
            count(absolute);
            file = new SourceFile(relative, SourceReader.decodeAny(SourceReader.bytes(absolute, SourceReader.MAX_BYTES)));
        }
        e.lenient = file;
        return file;
    }

    /**
     * Whether valid UTF-8 text decodes the same as Liquibase's decoding would: always, unless its first
     * characters hold the zero bytes by which {@link SourceReader#decodeAny} recognises UTF-16 without a mark.
     */
    private static boolean decodesAlike(String text) {
        for (int i = 0; i < Math.min(4, text.length()); i++) {
            if (text.charAt(i) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A file no larger than the head is read whole, once, and its head is its text (the same instance as
     * {@link #read}'s, when it decodes alike); a larger one has its head read and kept.
     */
    @Override
    public String head(ProjectRoot root, Path relative, int bytes) {
        Entry kept = files.get(relative);
        if (kept != null && kept.head != null) {
            return kept.head; // no path resolved, no look at the disk
        }
        Path absolute = root.absolute(relative);
        if (!root.isInside(absolute)) {
            return null;
        }
        Entry e = entry(relative, absolute);
        String known;
        if (e.stamp.exists() && e.stamp.size() <= bytes) {
            SourceFile strict = read(root, relative).file();
            if (strict != null && decodesAlike(strict.text())) {
                known = strict.text();
            } else {
                try {
                    known = readLenient(absolute, relative).text();
                } catch (IOException ex) {
                    return null;
                }
            }
        } else {
            count(absolute);
            known = FileSource.headOnDisk(root, relative, bytes);
        }
        e.head = known;
        return known;
    }

    @Override
    public List<Path> list(ProjectRoot root, Path directory) {
        Listing known = listings.get(directory);
        if (known != null) {
            return known.files();
        }
        Stamp stamp = Stamp.of(root.absolute(directory));
        List<Path> listed = FileSource.listOnDisk(root, directory);
        listings.put(directory, new Listing(stamp, listed));
        return listed;
    }

    /** The editor says this file (or directory) changed, was created or deleted: it is read again when asked for. */
    public void changed(Path absolute) {
        Path a = absolute.toAbsolutePath().normalize();
        if (!a.startsWith(root)) {
            return;
        }
        Path rel = root.relativize(a);
        files.remove(rel);
        listings.remove(rel);
        listings.remove(rel.getParent() == null ? Path.of("") : rel.getParent());
    }

    /** Forgets everything (the project's exclude patterns changed, say). */
    public void clear() {
        files.clear();
        listings.clear();
    }

    /**
     * Compares what is kept with the disk and forgets what differs.
     *
     * @return the files and directories that changed (absolute), empty when nothing did
     */
    public Set<Path> sweep() {
        List<Path> changed = new ArrayList<>();
        files.forEach((path, entry) -> {
            Path absolute = root.resolve(path);
            if (!Stamp.of(absolute).equals(entry.stamp) && files.remove(path, entry)) {
                changed.add(absolute);
            }
        });
        listings.forEach((path, listing) -> {
            Path absolute = root.resolve(path).normalize();
            if (!Stamp.of(absolute).equals(listing.stamp()) && listings.remove(path, listing)) {
                changed.add(absolute);
            }
        });
        return Set.copyOf(changed);
    }

    /** Whether the file's text is kept (it was read and has not changed since). */
    public boolean holds(Path absolute) {
        Path a = absolute.toAbsolutePath().normalize();
        return a.startsWith(root) && files.containsKey(root.relativize(a));
    }

    /** How many times files were read from the disk, in all. */
    public long diskReads() {
        return diskReads.get();
    }

    /** How many times this file was read from the disk. */
    public long diskReads(Path absolute) {
        AtomicLong n = readsByFile.get(absolute.toAbsolutePath().normalize());
        return n == null ? 0 : n.get();
    }

    private Entry entry(Path relative, Path absolute) {
        Entry e = files.get(relative);
        if (e == null) {
            e = new Entry(Stamp.of(absolute));
            Entry raced = files.putIfAbsent(relative, e);
            if (raced != null) {
                e = raced;
            }
        }
        return e;
    }

    private void count(Path absolute) {
        diskReads.incrementAndGet();
        readsByFile.computeIfAbsent(absolute, p -> new AtomicLong()).incrementAndGet();
    }
}
