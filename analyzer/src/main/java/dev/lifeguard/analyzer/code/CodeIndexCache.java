package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.discovery.FileSource;
import dev.lifeguard.analyzer.model.SourceFile;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What an editor keeps of the code index between builds: code files come from a warm {@link FileSource},
 * and what JavaParser (or the Kotlin reader) found in each file is kept for that file's text. After a Java or
 * Kotlin file changed, the index is built again by the same {@link CodeIndexer}: the changed file is read and
 * parsed, every other file's classes and SQL are reused, and only the cross-file step (entity mappings,
 * mapper XML) runs again. {@link #NONE} keeps nothing (the command line builds the index once).
 */
public final class CodeIndexCache {
    /** Reads from the disk and keeps nothing. */
    public static final CodeIndexCache NONE = new CodeIndexCache(FileSource.DISK, false);

    private record Parsed(SourceFile file, JavaSources.Result result) {
    }

    private final FileSource source;
    private final boolean keep;
    private final Map<Path, Parsed> parsed = new ConcurrentHashMap<>();

    private CodeIndexCache(FileSource source, boolean keep) {
        this.source = source;
        this.keep = keep;
    }

    /** A cache over a warm file source (its unchanged files come back as the same {@link SourceFile}). */
    public static CodeIndexCache over(FileSource source) {
        return new CodeIndexCache(source, true);
    }

    FileSource source() {
        return source;
    }

    /** The classes and SQL of one source file, remembered for its text. */
    JavaSources.Result read(SourceFile file, Function<SourceFile, JavaSources.Result> reader) {
        if (!keep) {
            return reader.apply(file);
        }
        Parsed known = parsed.get(file.path());
        if (known != null && known.file() == file) {
            return known.result();
        }
        JavaSources.Result result = reader.apply(file);
        parsed.put(file.path(), new Parsed(file, result));
        return result;
    }

    /** Forgets a file (root-relative) that changed or was deleted. */
    public void forget(Path relative) {
        parsed.remove(relative);
    }

    public void clear() {
        parsed.clear();
    }

    /** How many files' parse results are kept (tests). */
    public int size() {
        return parsed.size();
    }
}
